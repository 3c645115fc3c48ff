package dev.jwtee.examples.benchmarks;

import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import dev.jwtee.core.Jwtee;
import dev.jwtee.core.config.TokenCacheSettings;
import dev.jwtee.core.principal.JwteePrincipal;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
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
 * Throughput of verifying one signed access token, the same token for every contender: the JDK
 * floor (signature or HMAC only), {@code Jwtee.authenticate} with the cache off and on, plain
 * jose4j, Nimbus JOSE+JWT, jjwt and java-jwt, each set up to check what jwtee checks (see
 * {@link Peers}). java-jwt has neither EdDSA nor PS256; those two combinations fail.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class VerifyBenchmark {

    /** The JWS algorithm; RS256 and PS256 use a 2048-bit key, ES256 P-256, EdDSA Ed25519. */
    @Param({"HS256", "RS256", "PS256", "ES256", "EdDSA"})
    public String alg;

    private String token;
    private BenchKeys keys;
    private Jwtee cold;
    private Jwtee cached;
    private JdkFloor floor;
    private JwtConsumer jose4j;
    private JWSVerifier nimbusVerifier;
    private JWTClaimsSetVerifier<SecurityContext> nimbusClaims;
    private JWSAlgorithm nimbusAlgorithm;
    private JwtParser jjwt;
    private JWTVerifier javaJwt;

    /** Generates the key, issues the token and sets up every contender. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        keys = new BenchKeys(alg);
        cold = keys.jwtee(TokenCacheSettings.OFF, false);
        cached = keys.jwtee(BenchKeys.cacheOn(), false);
        token = BenchKeys.token(cold);
        floor = new JdkFloor(alg, keys.verificationKey(), token);
        jose4j = Peers.jose4j(keys);
        nimbusVerifier = Peers.nimbusVerifier(keys);
        nimbusClaims = Peers.nimbusClaims();
        nimbusAlgorithm = JWSAlgorithm.parse(alg);
        jjwt = Peers.jjwt(keys);
        javaJwt = alg.equals("EdDSA") || alg.equals("PS256") ? null : Peers.javaJwt(keys);
    }

    /** Closes the deployments. */
    @TearDown(Level.Trial)
    public void tearDown() {
        cold.close();
        cached.close();
    }

    /** Signature or HMAC check alone, with the JDK. */
    @Benchmark
    public boolean jdkFloor() throws Exception {
        return floor.verify();
    }

    /** {@code Jwtee.authenticate} with {@code jwtee.token.cache-size=0}. */
    @Benchmark
    public JwteePrincipal jwteeCold() throws Exception {
        return cold.authenticate(token);
    }

    /** {@code Jwtee.authenticate} with the verified-token cache on; every call is a hit. */
    @Benchmark
    public JwteePrincipal jwteeCached() throws Exception {
        return cached.authenticate(token);
    }

    /** jose4j's {@code JwtConsumer}. */
    @Benchmark
    public JwtClaims jose4j() throws Exception {
        return Peers.jose4j(jose4j, token);
    }

    /** Nimbus JOSE+JWT. */
    @Benchmark
    public JWTClaimsSet nimbus() throws Exception {
        return Peers.nimbus(nimbusVerifier, nimbusClaims, nimbusAlgorithm, token);
    }

    /** jjwt. */
    @Benchmark
    public Claims jjwt() {
        return Peers.jjwt(jjwt, alg, token);
    }

    /** java-jwt (Auth0); fails for EdDSA and PS256, which it does not support. */
    @Benchmark
    public DecodedJWT javaJwt() {
        if (javaJwt == null) {
            throw new UnsupportedOperationException("java-jwt 4.5.0 has no " + alg);
        }
        return Peers.javaJwt(javaJwt, token);
    }
}
