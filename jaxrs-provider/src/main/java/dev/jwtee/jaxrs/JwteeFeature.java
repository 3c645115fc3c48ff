package dev.jwtee.jaxrs;

import dev.jwtee.core.Jwtee;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Secures JAX-RS resource methods with access tokens and enforces {@code @RolesAllowed},
 * {@code @PermitAll} and {@code @DenyAll}, resolved once per resource method at deployment.
 * Found by classpath scanning through {@code @Provider}; an application can also register
 * {@code new JwteeFeature(jwtee)} with its own deployment.
 *
 * <p>Precedence: an annotation on the method overrides any on the class; a method or class
 * without any of the three is open to anonymous callers. Two of the three on one element fail
 * the deployment. {@code @RolesAllowed} with no roles denies everyone, like {@code @DenyAll}.
 * Works whether or not the server enforces {@code @RolesAllowed} itself,
 * because the caller's roles are also visible through the {@code SecurityContext}.
 */
@Provider
public final class JwteeFeature implements DynamicFeature {

    /** Application property through which an application may hand over its deployment. */
    public static final String JWTEE_PROPERTY = "dev.jwtee.Jwtee";

    private final Jwtee jwtee;
    private DeploymentHolder deployment;

    /** Creates a feature that uses the servlet filter's deployment or builds its own. */
    public JwteeFeature() {
        this(null);
    }

    /**
     * Creates a feature that uses {@code jwtee} unless the servlet filter already handled the
     * request.
     *
     * @param jwtee the deployment, or {@code null} to find or build one
     */
    public JwteeFeature(Jwtee jwtee) {
        this.jwtee = jwtee;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        DeploymentHolder deployment = deployment(context);
        if (resourceInfo.getResourceClass() == JwksResource.class) {
            context.register(new JwksFilter(deployment));
            return;
        }
        context.register(new AuthenticationFilter(deployment));
        accessRule(resourceInfo).ifPresent(
                roles -> context.register(new RolesAllowedFilter(roles, deployment)));
    }

    /** Returns the one holder shared by every resource method, so a failure is logged once. */
    private synchronized DeploymentHolder deployment(FeatureContext context) {
        if (deployment == null) {
            deployment = new DeploymentHolder(jwtee, context.getConfiguration());
        }
        return deployment;
    }

    /**
     * Returns the roles of which a caller needs one, empty for deny-all, or no rule for open
     * access.
     */
    static Optional<Set<String>> accessRule(ResourceInfo resourceInfo) {
        Optional<Optional<Set<String>>> methodRule = ruleOf(resourceInfo.getResourceMethod());
        if (methodRule.isPresent()) {
            return methodRule.get();
        }
        return ruleOf(resourceInfo.getResourceClass()).orElse(Optional.empty());
    }

    /** Returns no value when the element has no security annotation. */
    private static Optional<Optional<Set<String>>> ruleOf(AnnotatedElement element) {
        if (element == null) {
            return Optional.empty();
        }
        List<Class<? extends Annotation>> found = new ArrayList<>();
        for (Class<? extends Annotation> type : List.of(DenyAll.class, RolesAllowed.class,
                PermitAll.class)) {
            if (element.isAnnotationPresent(type)) {
                found.add(type);
            }
        }
        if (found.size() > 1) {
            throw new IllegalStateException("Conflicting security annotations "
                    + found.stream().map(type -> "@" + type.getSimpleName()).toList() + " on "
                    + element + "; keep one");
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Class<? extends Annotation> type = found.get(0);
        if (type == PermitAll.class) {
            return Optional.of(Optional.empty());
        }
        if (type == DenyAll.class) {
            return Optional.of(Optional.of(Set.of()));
        }
        String[] roles = element.getAnnotation(RolesAllowed.class).value();
        return Optional.of(Optional.of(Set.copyOf(List.of(roles))));
    }
}
