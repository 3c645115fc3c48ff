package dev.jwtee.core.keys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class RocaCheckTest {

    @Test
    void isVulnerable_jdkGeneratedModulus_false() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();

        assertFalse(RocaCheck.isVulnerable(key.getModulus()));
    }

    /** 65537^k passes every residue test by construction, like a ROCA modulus does. */
    @Test
    void isVulnerable_powerOfGenerator_true() {
        BigInteger fingerprinted = BigInteger.valueOf(65537).pow(200);

        assertTrue(RocaCheck.isVulnerable(fingerprinted));
    }

    @Test
    void isVulnerable_fingerprintedPlusOne_false() {
        BigInteger changed = BigInteger.valueOf(65537).pow(200).add(BigInteger.ONE);

        assertFalse(RocaCheck.isVulnerable(changed));
    }
}
