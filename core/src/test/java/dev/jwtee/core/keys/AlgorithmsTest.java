package dev.jwtee.core.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.util.Optional;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/** The key-to-algorithm rules of {@link Algorithms}. */
class AlgorithmsTest {

    private static final KeyPair EC = KeyFixtures.generate("EC", 256);
    private static final EllipticCurve P256 = EllipticCurves.P256.getCurve();

    @Test
    void isOnCurve_generatedPoint_true() {
        assertTrue(Algorithms.isOnCurve(((ECPublicKey) EC.getPublic()).getW(), P256));
    }

    @Test
    void isOnCurve_offCurvePoint_false() {
        assertFalse(Algorithms.isOnCurve(new ECPoint(BigInteger.ONE, BigInteger.ONE), P256));
    }

    @Test
    void isOnCurve_infinity_false() {
        assertFalse(Algorithms.isOnCurve(ECPoint.POINT_INFINITY, P256));
    }

    @Test
    void isOnCurve_coordinateNotReduced_false() {
        ECPoint valid = ((ECPublicKey) EC.getPublic()).getW();
        BigInteger p = ((ECFieldFp) P256.getField()).getP();

        ECPoint unreduced = new ECPoint(valid.getAffineX().add(p), valid.getAffineY());

        assertFalse(Algorithms.isOnCurve(unreduced, P256));
    }

    @Test
    void misfit_offCurvePublicKey_rejected() throws Exception {
        PublicKey offCurve = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                new ECPoint(BigInteger.ONE, BigInteger.ONE), EllipticCurves.P256));

        assertEquals(Optional.of("the EC public point is not on its curve"),
                Algorithms.misfit("ES256", offCurve));
    }

    @Test
    void misfit_p256KeyForEs384_rejected() {
        assertTrue(Algorithms.misfit("ES384", EC.getPublic()).isPresent());
    }

    @Test
    void misfit_p256KeyForEs256_accepted() {
        assertEquals(Optional.empty(), Algorithms.misfit("ES256", EC.getPublic()));
    }

    @Test
    void misfit_none_rejected() {
        assertTrue(Algorithms.misfit("none", EC.getPublic()).isPresent());
    }

    @Test
    void misfit_lowerCaseAlgorithm_rejected() {
        assertTrue(Algorithms.misfit("es256", EC.getPublic()).isPresent());
    }

    @Test
    void misfit_rsaKeyForHs256_rejected() {
        assertTrue(Algorithms.misfit("HS256", KeyFixtures.RSA.getPublic()).isPresent());
    }

    @Test
    void misfit_secretForRs256_rejected() {
        assertTrue(Algorithms.misfit("RS256", new HmacKey(new byte[32])).isPresent());
    }

    @Test
    void misfit_ecKeyForEdDsa_rejected() {
        assertTrue(Algorithms.misfit("EdDSA", EC.getPublic()).isPresent());
    }

    @Test
    void defaultFor_secret_hs256() {
        assertEquals(Optional.of("HS256"), Algorithms.defaultFor(new HmacKey(new byte[32])));
    }

    @Test
    void defaultFor_ecP256_es256() {
        assertEquals(Optional.of("ES256"), Algorithms.defaultFor(EC.getPublic()));
    }
}
