package dev.jwtee.examples.benchmarks;

import dev.jwtee.core.Jwtee;
import dev.jwtee.core.config.TokenCacheSettings;
import dev.jwtee.core.principal.JwteePrincipal;
import dev.jwtee.core.token.IssuedToken;
import dev.jwtee.core.token.TokenIssuer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of issuing a token with {@link TokenIssuer}, signed only and nested in a JWE with
 * A256GCM content encryption, and of verifying the nested token: {@code Jwtee.authenticate}
 * with the cache off and on, and plain jose4j with equivalent checks. The JWE key is either a
 * shared secret ({@code dir}) or a 2048-bit RSA key ({@code RSA-OAEP-256}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class TokenBenchmark {

    /** The JWS algorithm of the signed token, inside the JWE for the nested benchmarks. */
    @Param({"HS256"})
    public String alg;

    /** The JWE key management algorithm of the nested token. */
    @Param({"dir", "RSA-OAEP-256"})
    public String wrap;

    private BenchKeys keys;
    private Jwtee cold;
    private Jwtee cached;
    private Jwtee plain;
    private TokenIssuer signer;
    private TokenIssuer encrypter;
    private String nested;
    private JwtConsumer jose4jNested;

    /** Builds the deployments, the issuers, one nested token and the jose4j consumer. */
    @Setup(Level.Trial)
    public void setUp() {
        keys = new BenchKeys(alg);
        cold = keys.jwtee(TokenCacheSettings.OFF, wrap);
        cached = keys.jwtee(BenchKeys.cacheOn(), wrap);
        encrypter = BenchKeys.issuer(cold);
        plain = keys.jwtee(TokenCacheSettings.OFF, false);
        signer = BenchKeys.issuer(plain);
        nested = BenchKeys.token(cold);
        jose4jNested = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(BenchKeys.SKEW_SECONDS)
                .setExpectedIssuer(BenchKeys.ISSUER)
                .setExpectedAudience(BenchKeys.ISSUER)
                .setExpectedType(true, "at+jwt")
                .setDecryptionKey(wrap.equals("dir")
                        ? new SecretKeySpec(BenchKeys.JWE_SECRET, "AES")
                        : BenchKeys.encryptionRsa().getPrivateKey())
                .setJweAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, wrap))
                .setJweContentEncryptionAlgorithmConstraints(
                        new AlgorithmConstraints(ConstraintType.PERMIT, "A256GCM"))
                .setVerificationKey(keys.verificationKey())
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, alg))
                .setEnableRequireIntegrity()
                .build();
    }

    /** Closes the deployments. */
    @TearDown(Level.Trial)
    public void tearDown() {
        cold.close();
        cached.close();
        plain.close();
    }

    /** Issues a signed token. */
    @Benchmark
    public IssuedToken issueSigned() {
        return signer.issue("alice", List.of("customer", "vip"), Map.of());
    }

    /** Issues a signed token nested in a JWE. */
    @Benchmark
    public IssuedToken issueNested() {
        return encrypter.issue("alice", List.of("customer", "vip"), Map.of());
    }

    /** {@code Jwtee.authenticate} of the nested token, cache off. */
    @Benchmark
    public JwteePrincipal nestedJwteeCold() throws Exception {
        return cold.authenticate(nested);
    }

    /** {@code Jwtee.authenticate} of the nested token, cache on; every call is a hit. */
    @Benchmark
    public JwteePrincipal nestedJwteeCached() throws Exception {
        return cached.authenticate(nested);
    }

    /** jose4j's {@code JwtConsumer} on the nested token. */
    @Benchmark
    public JwtClaims nestedJose4j() throws Exception {
        return jose4jNested.processToClaims(nested);
    }
}
