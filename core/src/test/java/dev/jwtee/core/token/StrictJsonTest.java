package dev.jwtee.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtee.core.token.TokenRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strict parser gives the same Java values as jose4j's {@code JsonUtil} for every document
 * both accept, and refuses what RFC 8259 and the JOSE specifications refuse.
 */
class StrictJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        " { \"a\" : 1 } ",
        "{\"sub\":\"alice\",\"exp\":1700000000,\"iat\":0,\"nbf\":-1}",
        "{\"aud\":[\"a\",\"b\"],\"groups\":[],\"nested\":{\"x\":{\"y\":[1,[2,[3]]]}}}",
        "{\"t\":true,\"f\":false,\"n\":null}",
        "{\"d\":1.5,\"e\":1e3,\"E\":-2.5E-3,\"z\":0,\"mz\":-0,\"zf\":0.0}",
        "{\"max\":9223372036854775807,\"min\":-9223372036854775808}",
        "{\"s\":\"tab\\tquote\\\" slash\\/ back\\\\ \\u00e9 \\ud83d\\ude00 \\b\\f\\n\\r\"}",
        "{\"unicode\":\"caf\u00e9 \u4e2d\u6587 \ud83d\ude00\"}",
        "{\"\":\"empty name\",\"a b\":\"space\"}",
    })
    void parseObject_validDocument_sameValuesAsJose4j(String json) throws Exception {
        Map<String, Object> strict = StrictJson.parseObject(bytes(json));

        assertEquals(JsonUtil.parseJson(json), strict);
    }

    @Test
    void parseObject_integerBeyondLong_double() throws Exception {
        Object value = StrictJson.parseObject(bytes("{\"n\":9223372036854775808}")).get("n");

        assertEquals(9.223372036854775808e18, (Double) value);
    }

    @Test
    void parseObject_integer_long() throws Exception {
        assertInstanceOf(Long.class, StrictJson.parseObject(bytes("{\"n\":12}")).get("n"));
    }

    @Test
    void parseObject_nestedValues_unmodifiable() throws Exception {
        Map<String, Object> parsed = StrictJson.parseObject(bytes("{\"l\":[1],\"m\":{\"k\":1}}"));

        assertThrows(UnsupportedOperationException.class,
                () -> ((List<?>) parsed.get("l")).clear());
        assertThrows(UnsupportedOperationException.class,
                () -> ((Map<?, ?>) parsed.get("m")).clear());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "[]", "\"text\"", "1", "null", "{", "}", "{\"a\":1", "{\"a\":1}x",
        "{\"a\":1,}", "{,\"a\":1}", "{\"a\" 1}", "{a:1}", "{'a':1}", "{\"a\":01}",
        "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":+1}", "{\"a\":-}", "{\"a\":1e999}",
        "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":[1,]}",
        "{\"a\":[1 2]}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12g4\"}",
        "{\"a\":\"line\nbreak\"}", "{\"a\":\"unterminated}", "{\"a\":1,\"a\":2}",
        "{\"o\":{\"b\":1,\"b\":1}}", "{\"a\":1}\u0000", "\ufeff{\"a\":1}", "{\"a\":1} {}",
        "{\"a\":\"\\ud800\"}", "{\"a\":\"x\\udc00y\"}", "{\"a\":\"\\ud800\\ud800\"}",
        "{\"a\":\"\\ude00\\ud83d\"}",
    })
    void parseObject_invalidDocument_malformed(String json) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class,
                () -> StrictJson.parseObject(bytes(json)));

        assertEquals(Reason.MALFORMED, e.reason());
    }

    @Test
    void parseObject_invalidUtf8_malformed() {
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};

        assertThrows(TokenRejectedException.class, () -> StrictJson.parseObject(overlong));
    }

    @Test
    void parseObject_tooDeep_malformed() {
        int depth = StrictJson.MAX_DEPTH;
        String deep = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

        assertThrows(TokenRejectedException.class, () -> StrictJson.parseObject(bytes(deep)));
    }

    /**
     * Random documents built from the JSON grammar, with random whitespace and escapes: the
     * strict parser and jose4j must agree on every one. The seed is fixed, so a failure
     * repeats.
     */
    @Test
    void parseObject_randomDocuments_sameValuesAsJose4j() throws Exception {
        Random random = new Random(20261204);
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder json = new StringBuilder();
            randomObject(random, json, 0);
            documents.add(json.toString());
        }
        for (String json : documents) {
            assertEquals(JsonUtil.parseJson(json), StrictJson.parseObject(bytes(json)), json);
        }
        assertFalse(documents.isEmpty());
    }

    private static void randomObject(Random random, StringBuilder json, int depth) {
        json.append('{').append(space(random));
        int members = random.nextInt(depth == 0 ? 8 : 4);
        for (int i = 0; i < members; i++) {
            if (i > 0) {
                json.append(',').append(space(random));
            }
            json.append('"').append("k").append(i).append(randomText(random)).append('"')
                    .append(space(random)).append(':').append(space(random));
            randomValue(random, json, depth + 1);
            json.append(space(random));
        }
        json.append('}');
    }

    private static void randomValue(Random random, StringBuilder json, int depth) {
        int kind = random.nextInt(depth > 4 ? 6 : 8);
        switch (kind) {
            case 0 -> json.append('"').append(randomText(random)).append('"');
            case 1 -> json.append(random.nextLong());
            case 2 -> json.append(random.nextInt(2_000_000_000));
            case 3 -> json.append(random.nextBoolean());
            case 4 -> json.append("null");
            case 5 -> json.append(random.nextInt(1000)).append('.').append(random.nextInt(1000))
                    .append(random.nextBoolean() ? "e" + (random.nextInt(20) - 10) : "");
            case 6 -> {
                json.append('[').append(space(random));
                int elements = random.nextInt(4);
                for (int i = 0; i < elements; i++) {
                    if (i > 0) {
                        json.append(',').append(space(random));
                    }
                    randomValue(random, json, depth + 1);
                }
                json.append(space(random)).append(']');
            }
            default -> randomObject(random, json, depth);
        }
    }

    private static String randomText(Random random) {
        String[] pieces = {"a", "Z", "0", " ", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u0041",
            "\\u00e9", "\u00e9", "\u4e2d", "\ud83d\ude00", "\\ud83d\\ude00", "-", "_"};
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    private static String space(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> " ";
            case 1 -> "\n\t";
            case 2 -> "\r\n ";
            default -> "";
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
