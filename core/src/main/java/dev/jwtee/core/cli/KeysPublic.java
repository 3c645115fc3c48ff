package dev.jwtee.core.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * {@code keys public}: prints the public keys of a JWK set, for clients and other verifiers.
 * Private parts are never printed, and symmetric keys are left out whole with a note on
 * standard error, because a secret that signs or encrypts must never be published.
 */
final class KeysPublic implements Command {

    private static final List<Option> OPTIONS = List.of(
            Option.value("--in", "FILE", "JWK set to read, such as a 'keys generate' file"
                    + " (required)"));

    @Override
    public String name() {
        return "keys public";
    }

    @Override
    public String usage() {
        return "--in FILE";
    }

    @Override
    public String summary() {
        return "prints the public keys of a JWK set";
    }

    @Override
    public String description() {
        return "Prints the public keys of a JWK set on standard output, without any private"
                + " part. Symmetric keys (hmac, oct-enc) are left out, with a note on standard"
                + " error.";
    }

    @Override
    public List<Option> options() {
        return OPTIONS;
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) {
        arguments.rejectPositionals();
        Path in = arguments.path("--in").orElseThrow(() -> new UsageException("missing --in"));
        List<Map<String, Object>> published = new ArrayList<>();
        List<JsonWebKey> keys = KeyFiles.readJwks(in).keys();
        for (int i = 0; i < keys.size(); i++) {
            JsonWebKey jwk = keys.get(i);
            if (jwk instanceof OctetSequenceJsonWebKey) {
                terminal.err().println("jwtee: note: left out key #" + (i + 1)
                        + (jwk.getKeyId() == null ? "" : " (kid '" + jwk.getKeyId() + "')")
                        + ": it is a symmetric secret, which is never published");
            } else {
                published.add(publicParameters((PublicJsonWebKey) jwk));
            }
        }
        terminal.out().println(PrettyJson.format(Map.of("keys", published)));
        return ExitStatus.SUCCESS;
    }

    /**
     * Rebuilds the JWK from its public key alone, so that members jose4j does not know, such
     * as {@code oth} or a copy of {@code d} under another name, can never be printed.
     */
    private static Map<String, Object> publicParameters(PublicJsonWebKey jwk) {
        try {
            PublicJsonWebKey clean = PublicJsonWebKey.Factory.newPublicJwk(jwk.getPublicKey());
            clean.setKeyId(jwk.getKeyId());
            clean.setAlgorithm(jwk.getAlgorithm());
            clean.setUse(jwk.getUse());
            clean.setKeyOps(jwk.getKeyOps());
            return clean.toParams(OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException e) {
            throw new UsageException("key '" + jwk.getKeyId() + "' cannot be written: "
                    + e.getMessage());
        }
    }
}
