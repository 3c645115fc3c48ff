package dev.jwtee.core.cli;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.keys.EncryptionKeyLoader;
import dev.jwtee.core.keys.KeySetLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * {@code keys generate}: writes a JWK set with one new private key or secret, which
 * {@code jwtee.keys.jwks-file} (signing types) or {@code jwtee.encryption.jwks-file}
 * (encryption types) accepts as it is.
 */
final class KeysGenerate implements Command {

    private static final List<Option> OPTIONS = List.of(
            Option.value("--type", "TYPE", "key type (required): rsa, ec, ed25519 or hmac to"
                    + " sign tokens; rsa-enc, ec-enc or oct-enc to encrypt them (JWE)"),
            Option.value("--kid", "ID", "key id (kid); default: the type, a dash and eight"
                    + " random hex digits"),
            Option.value("--alg", "ALG", "algorithm; default by type: RS256, ES256, EdDSA,"
                    + " HS256, RSA-OAEP-256, ECDH-ES+A256KW, A256KW. For ec, ES384 and ES512"
                    + " pick the curves P-384 and P-521; for hmac, HS384 and HS512 need"
                    + " longer secrets"),
            Option.value("--size", "BITS", "key size in bits: rsa and rsa-enc 2048 (default)"
                    + " to 16384; hmac the hash size of --alg (default) to 4096; ec-enc"
                    + " 256 (default), 384 or 521; oct-enc fixed by --alg; not for ec and"
                    + " ed25519"),
            Option.value("--out", "FILE", "file to write, readable by its owner only;"
                    + " default: standard output"),
            Option.flag("--force", "replaces an existing --out file"));

    @Override
    public String name() {
        return "keys generate";
    }

    @Override
    public String usage() {
        return "--type TYPE [--kid ID] [--alg ALG] [--size BITS] [--out FILE [--force]]";
    }

    @Override
    public String summary() {
        return "writes a JWK set with one new private key or secret";
    }

    @Override
    public String description() {
        return "Writes a JWK set with one new private key or secret. The file holds the"
                + " private part: keep it secret, and publish 'jwtee keys public' output"
                + " instead.";
    }

    @Override
    public List<Option> options() {
        return OPTIONS;
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) {
        arguments.rejectPositionals();
        arguments.rejectUnless(arguments.has("--out"), "with --out", "--force");
        KeyType type = KeyType.parse(arguments.required("--type"));
        String algorithm = type.algorithm(arguments.value("--alg").orElse(null));
        String keyId = arguments.value("--kid").orElseGet(() -> KeyGeneration.defaultKeyId(type));
        OptionalLong size = arguments.has("--size")
                ? OptionalLong.of(arguments.number("--size", 0, Long.MIN_VALUE, Long.MAX_VALUE,
                        "bits"))
                : OptionalLong.empty();

        JsonWebKey jwk = KeyGeneration.generate(type, algorithm, size, keyId);
        String json = privateJwks(jwk);
        checkAccepted(type, json);

        Optional<Path> out = arguments.path("--out");
        if (out.isEmpty()) {
            terminal.out().println(json);
            return ExitStatus.SUCCESS;
        }
        PrivateFile.write(out.get(), json + "\n", arguments.has("--force"));
        terminal.out().println("Wrote a new " + algorithm + " key with kid '" + keyId + "' to "
                + out.get());
        return ExitStatus.SUCCESS;
    }

    private static String privateJwks(JsonWebKey jwk) {
        String compact = new JsonWebKeySet(jwk).toJson(
                JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        try {
            Map<String, Object> parsed = JsonUtil.parseJson(compact);
            return PrettyJson.format(parsed);
        } catch (JoseException e) {
            throw new IllegalStateException("jose4j wrote a JWK set it cannot parse", e);
        }
    }

    /** Loads the new set under the server's rules, so a key it would reject is never written. */
    private static void checkAccepted(KeyType type, String json) {
        try {
            if (type.encryption()) {
                EncryptionKeyLoader.fromJwks(json, EncryptionKeyLoader.JWKS_FILE);
            } else {
                KeySetLoader.fromJwks(json);
            }
        } catch (ConfigurationException e) {
            throw new IllegalStateException("the generated key is not accepted: "
                    + e.getMessage(), e);
        }
    }
}
