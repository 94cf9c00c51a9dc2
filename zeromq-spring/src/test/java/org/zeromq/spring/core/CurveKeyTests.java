package org.zeromq.spring.core;

import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;
import org.zeromq.spring.test.CurveKeyPairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** CURVE keys are checked as Z85 before JeroMQ sees them, and no message repeats a key. */
class CurveKeyTests {

	private static final String KEY = CurveKeyPairs.CLIENT.secretKey;

	@Test
	void aKeyZeromqGeneratedIsValid() {
		assertThat(CurveKey.problem(KEY)).isEmpty();
		assertThat(CurveKey.problem(CurveKeyPairs.CLIENT.publicKey)).isEmpty();
		assertThat(CurveKey.decode(KEY)).hasSize(32);
	}

	@Test
	void aKeyOfTheWrongLengthIsRefusedWithItsLengthButNotItsText() {
		String short1 = KEY.substring(1);
		assertThat(CurveKey.problem(short1)).contains("must be 40 characters of Z85 text, not 39");
		assertThat(CurveKey.problem(KEY + "x")).contains("must be 40 characters of Z85 text, not 41");
		assertThat(CurveKey.problem("")).contains("is empty");
		assertThat(CurveKey.problem(null)).contains("is empty");
	}

	@Test
	void aCharacterOutsideTheZ85AlphabetIsRefusedByPosition() {
		String withQuote = "\"" + KEY.substring(1);
		String withSpace = KEY.substring(0, 39) + " ";
		assertThat(CurveKey.problem(withQuote)).contains("has a character at position 1 that is not in the Z85 alphabet");
		assertThat(CurveKey.problem(withSpace)).contains("has a character at position 40 that is not in the Z85 alphabet");
	}

	@Test
	void fiveCharactersThatEncodeMoreThanFourBytesAreRefused() {
		// "#####" is 84 * (85^4 + 85^3 + 85^2 + 85 + 1), more than 2^32 - 1
		String overflowing = "#####" + KEY.substring(5);
		assertThat(CurveKey.problem(overflowing)).contains("is not valid Z85: characters 1 to 5 encode more than four bytes");
	}

	@Test
	void noProblemRepeatsTheKey() {
		for (String bad : new String[] { KEY.substring(1), "\"" + KEY.substring(1), "#####" + KEY.substring(5) }) {
			assertThat(CurveKey.problem(bad).orElseThrow()).doesNotContain(bad).doesNotContain(KEY.substring(5, 25));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> CurveKey.decode(KEY.substring(1)))
			.withMessageNotContaining(KEY.substring(1));
	}

	@Test
	void thePublicKeyOfASecretKeyIsTheOneItWasGeneratedWith() {
		ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
		assertThat(CurveKey.publicKeyOf(pair.secretKey)).isEqualTo(pair.publicKey);
		assertThat(CurveKey.isPair(pair.publicKey, pair.secretKey)).isTrue();
		assertThat(CurveKey.isPair(CurveKeyPairs.SERVER.publicKey, pair.secretKey)).isFalse();
	}

}
