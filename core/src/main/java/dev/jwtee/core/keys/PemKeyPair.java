package dev.jwtee.core.keys;

import dev.jwtee.core.config.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key read from a PEM file: an unencrypted PKCS#8 {@code PRIVATE KEY}, an SPKI
 * {@code PUBLIC KEY} or an X.509 {@code CERTIFICATE}. An RSA private key carries its public
 * key; an EC or EdDSA private key needs its public key or certificate in the same file.
 */
record PemKeyPair(PublicKey verificationKey, Optional<PrivateKey> signingKey) {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA");

    static PemKeyPair read(String key, Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigurationException(key, "cannot read " + path + ": " + e.getMessage(), e);
        }
        PrivateKey privateKey = null;
        PublicKey publicKey = null;
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
            switch (matcher.group(1)) {
                case "PRIVATE KEY" -> privateKey = privateKey(key, der);
                case "PUBLIC KEY" -> publicKey = publicKey(key, der);
                case "CERTIFICATE" -> publicKey = certificateKey(key, der);
                case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new ConfigurationException(key,
                        "contains a " + matcher.group(1) + " block; convert it to PKCS#8 with:"
                                + " openssl pkcs8 -topk8 -nocrypt -in OLD.pem -out NEW.pem");
                default -> throw new ConfigurationException(key, "contains an unsupported "
                        + matcher.group(1) + " block; expected PRIVATE KEY, PUBLIC KEY or"
                        + " CERTIFICATE");
            }
        }
        if (publicKey == null && privateKey instanceof RSAPrivateCrtKey rsa) {
            publicKey = rsaPublicKey(rsa);
        }
        if (publicKey == null) {
            throw new ConfigurationException(key, privateKey == null
                    ? path + " contains no PEM key block"
                    : path + " contains a " + privateKey.getAlgorithm() + " private key without its"
                            + " public key; append it with: openssl pkey -in KEY.pem -pubout");
        }
        return new PemKeyPair(publicKey, Optional.ofNullable(privateKey));
    }

    private static PrivateKey privateKey(String key, byte[] der) {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm)
                        .generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                continue;
            }
        }
        throw new ConfigurationException(key, "the PRIVATE KEY block is not an RSA, EC or EdDSA"
                + " PKCS#8 key");
    }

    private static PublicKey publicKey(String key, byte[] der) {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm)
                        .generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                continue;
            }
        }
        throw new ConfigurationException(key, "the PUBLIC KEY block is not an RSA, EC or EdDSA"
                + " key");
    }

    private static PublicKey certificateKey(String key, byte[] der) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(key, "the CERTIFICATE block is not a valid X.509"
                    + " certificate: " + e.getMessage(), e);
        }
    }

    private static PublicKey rsaPublicKey(RSAPrivateCrtKey key) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot build an RSA public key", e);
        }
    }
}
