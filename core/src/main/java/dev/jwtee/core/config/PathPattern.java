package dev.jwtee.core.config;

/**
 * Servlet-style URL patterns: an exact path ({@code /api/menu}), a prefix ({@code /static/*},
 * which also matches {@code /static}), or an extension ({@code *.css}). Matching is
 * case-sensitive, as in the Servlet specification.
 */
final class PathPattern {

    private PathPattern() {
    }

    static void validate(String key, String pattern) {
        boolean prefix = pattern.startsWith("/") && pattern.indexOf('*') == pattern.length() - 1
                && pattern.endsWith("/*");
        boolean exact = pattern.startsWith("/") && pattern.indexOf('*') < 0;
        boolean extension = pattern.startsWith("*.") && pattern.indexOf('/') < 0
                && pattern.indexOf('*', 1) < 0 && pattern.length() > 2;
        if (!(prefix || exact || extension)) {
            throw new ConfigurationException(key, "invalid pattern '" + pattern
                    + "'; expected /exact/path, /prefix/* or *.extension");
        }
    }

    static boolean matches(String pattern, String path) {
        if (pattern.startsWith("*.")) {
            int slash = path.lastIndexOf('/');
            return path.substring(slash + 1).endsWith(pattern.substring(1));
        }
        if (pattern.endsWith("/*")) {
            String base = pattern.substring(0, pattern.length() - 2);
            return path.equals(base) || path.startsWith(base + "/") || base.isEmpty();
        }
        return path.equals(pattern);
    }
}
