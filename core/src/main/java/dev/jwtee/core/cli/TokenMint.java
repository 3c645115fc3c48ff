package dev.jwtee.core.cli;

import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.keys.JwteeKey;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.token.TokenIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code token mint}: prints an access token signed as the server signs it, through
 * {@link TokenIssuer}: header {@code typ: at+jwt} and {@code kid}, claims {@code iss},
 * {@code sub}, {@code aud}, {@code iat}, {@code nbf}, {@code exp}, {@code jti} and
 * {@code groups}, plus the {@code --claim} values.
 */
final class TokenMint implements Command {

    private static final List<Option> OPTIONS = List.of(
            Option.value("--keys", "FILE", "JWK set with the signing key, such as a 'keys"
                    + " generate' file (required)"),
            Option.value("--iss", "ISS", "issuer, the iss claim; the server's jwtee.issuer"
                    + " (required)"),
            Option.value("--aud", "AUD", "audience, the aud claim; the server's jwtee.audience"
                    + " (required)"),
            Option.value("--sub", "SUB", "subject, the sub claim: the caller's user name"
                    + " (required)"),
            Option.value("--kid", "ID", "kid of the signing key; required when the set has"
                    + " several private keys or secrets"),
            Option.value("--groups", "LIST", "comma-separated roles, the groups claim;"
                    + " default: none"),
            Option.value("--lifetime", "SECONDS", "time from iat to exp, 10 to 86400 seconds;"
                    + " default: 900"),
            Option.repeated("--claim", "NAME=VALUE", "a further claim; repeatable. VALUE is"
                    + " JSON when it parses as a JSON number, true, false, array, object or"
                    + " quoted string; else a string"));

    @Override
    public String name() {
        return "token mint";
    }

    @Override
    public String usage() {
        return "--keys FILE --iss ISS --aud AUD --sub SUB [OPTIONS]";
    }

    @Override
    public String summary() {
        return "prints an access token signed as the server signs it";
    }

    @Override
    public String description() {
        return "Prints an access token signed as the server signs it: a JWS with typ"
                + " at+jwt and the kid of the signing key. The token is a bearer credential:"
                + " treat it as a password.";
    }

    @Override
    public List<Option> options() {
        return OPTIONS;
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) {
        arguments.rejectPositionals();
        Path keysFile = arguments.path("--keys").orElseThrow(
                () -> new UsageException("missing --keys"));
        String issuer = arguments.required("--iss");
        String audience = arguments.required("--aud");
        String subject = arguments.required("--sub");
        if (subject.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException("--sub must not contain control characters; the server"
                    + " rejects such tokens");
        }
        long lifetime = arguments.number("--lifetime", ServerDefaults.LIFETIME.getSeconds(),
                ServerDefaults.MIN_LIFETIME.getSeconds(),
                ServerDefaults.MAX_LIFETIME.getSeconds(), "seconds");
        Map<String, Object> claims = ClaimArguments.parse(arguments.values("--claim"));
        List<String> groups = groups(arguments.value("--groups"));

        KeySet keys = signedBy(KeyFiles.signatureKeys(keysFile), arguments.value("--kid"),
                keysFile);
        TokenSettings settings = ServerDefaults.settings(issuer, audience,
                Duration.ofSeconds(lifetime), ServerDefaults.CLOCK_SKEW,
                ServerDefaults.TOKEN_MAX_SIZE);
        String token = new TokenIssuer(settings, keys, terminal.clock())
                .issue(subject, groups, claims).value();
        terminal.out().println(token);
        if (token.length() > ServerDefaults.TOKEN_MAX_SIZE) {
            terminal.err().println("jwtee: note: the token has " + token.length()
                    + " bytes; servers reject tokens over jwtee.token.max-size, by default "
                    + ServerDefaults.TOKEN_MAX_SIZE);
        }
        return ExitStatus.SUCCESS;
    }

    private static List<String> groups(Optional<String> list) {
        List<String> groups = new ArrayList<>();
        list.ifPresent(text -> Arrays.stream(text.split(",")).map(String::trim)
                .filter(group -> !group.isEmpty()).forEach(groups::add));
        return groups;
    }

    /**
     * Returns the set with the key that signs: the one {@code --kid} names, or else the only
     * key with a private part or secret, as the server requires {@code jwtee.keys.signing-kid}
     * when several keys can sign.
     */
    private static KeySet signedBy(KeySet keys, Optional<String> keyId, Path file) {
        if (keyId.isPresent()) {
            JwteeKey key = keys.find(keyId.get()).orElseThrow(() -> new UsageException(
                    file + " has no key with kid '" + keyId.get() + "'"));
            if (key.signingKey().isEmpty()) {
                throw new UsageException("key '" + keyId.get() + "' in " + file + " is a public"
                        + " key, which cannot sign");
            }
            return new KeySet(new ArrayList<>(keys.keys()), keyId.get());
        }
        List<String> signers = keys.keys().stream().filter(key -> key.signingKey().isPresent())
                .map(JwteeKey::keyId).sorted().toList();
        if (signers.isEmpty()) {
            throw new UsageException(file + " has no private key or secret, so it cannot sign;"
                    + " create one with 'jwtee keys generate'");
        }
        if (signers.size() > 1) {
            throw new UsageException(file + " has " + signers.size() + " keys that can sign ("
                    + String.join(", ", signers) + "); choose one with --kid");
        }
        return new KeySet(new ArrayList<>(keys.keys()), signers.get(0));
    }
}
