package dev.jwtee.examples.httpbenchmark.tokens;

import dev.jwtee.core.config.TokenSettings;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.KeySetLoader;
import dev.jwtee.core.token.TokenIssuer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * Mints the access tokens of the HTTP benchmark with jwtee's {@link TokenIssuer}, as the server
 * issues them: header {@code typ: at+jwt} and {@code kid}; claims {@code iss}, {@code aud} (equal
 * to the issuer), {@code sub}, {@code iat}, {@code nbf}, {@code exp}, {@code jti} and
 * {@code groups: ["bench"]}. Not part of any WAR; run-wrk.sh runs it on the class path of the
 * command-line jar.
 *
 * <p>Arguments: {@code ISSUER COUNT LIFETIME_SECONDS OUT_DIR HMAC_JWKS RSA_JWKS}, where the two
 * JWK sets are {@code jwtee keys generate} files with one key each. Writes to {@code OUT_DIR}:
 * <ul>
 *   <li>{@code hs256-pool.txt} and {@code rs256-pool.txt}: {@code COUNT} tokens each, one a
 *       line, every one with its own subject {@code user-N};</li>
 *   <li>{@code hs256-one.txt} and {@code rs256-one.txt}: the first token of each pool;</li>
 *   <li>{@code server-keys.json}: the HMAC secret and the public RSA key, the JWK set for
 *       {@code jwtee.keys.jwks-file} of the server, which then verifies both kinds of token.</li>
 * </ul>
 */
public final class TokenPool {

    private TokenPool() {
    }

    /**
     * Mints the tokens and writes the files listed in the class description.
     *
     * @param args {@code ISSUER COUNT LIFETIME_SECONDS OUT_DIR HMAC_JWKS RSA_JWKS}
     * @throws IOException if a file cannot be read or written
     * @throws JoseException if a key file is not a JWK set
     */
    public static void main(String[] args) throws IOException, JoseException {
        if (args.length != 6) {
            System.err.println("Usage: TokenPool ISSUER COUNT LIFETIME_SECONDS OUT_DIR"
                    + " HMAC_JWKS RSA_JWKS");
            System.exit(2);
        }
        String issuer = args[0];
        int count = Integer.parseInt(args[1]);
        Duration lifetime = Duration.ofSeconds(Long.parseLong(args[2]));
        Path outDir = Path.of(args[3]);
        String hmacJwks = Files.readString(Path.of(args[4]), StandardCharsets.UTF_8);
        String rsaJwks = Files.readString(Path.of(args[5]), StandardCharsets.UTF_8);

        TokenSettings settings = new TokenSettings(issuer, issuer, lifetime,
                Duration.ofSeconds(30), 8192, Set.of("at+jwt"));
        Files.createDirectories(outDir);
        writePool(settings, KeySetLoader.fromJwks(hmacJwks), count, outDir, "hs256");
        writePool(settings, KeySetLoader.fromJwks(rsaJwks), count, outDir, "rs256");
        Files.writeString(outDir.resolve("server-keys.json"), serverKeys(hmacJwks, rsaJwks),
                StandardCharsets.UTF_8);
    }

    /** Writes {@code NAME-pool.txt} with {@code count} tokens and {@code NAME-one.txt}. */
    private static void writePool(TokenSettings settings, KeySet keys, int count, Path outDir,
            String name) throws IOException {
        TokenIssuer issuer = new TokenIssuer(settings, keys, Clock.systemUTC());
        List<String> tokens = IntStream.rangeClosed(1, count).parallel()
                .mapToObj(n -> issuer.issue("user-" + n, List.of("bench"), Map.of()).value())
                .toList();
        Files.write(outDir.resolve(name + "-pool.txt"), tokens, StandardCharsets.US_ASCII);
        Files.write(outDir.resolve(name + "-one.txt"), tokens.subList(0, 1),
                StandardCharsets.US_ASCII);
    }

    /** Returns a JWK set with the secret of {@code hmacJwks} and the public keys of the RSA set. */
    private static String serverKeys(String hmacJwks, String rsaJwks) throws JoseException {
        List<String> keys = new ArrayList<>();
        for (JsonWebKey key : new JsonWebKeySet(hmacJwks).getJsonWebKeys()) {
            keys.add(key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC));
        }
        for (JsonWebKey key : new JsonWebKeySet(rsaJwks).getJsonWebKeys()) {
            keys.add(key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        }
        return "{\"keys\":[" + String.join(",", keys) + "]}\n";
    }
}
