package dev.mediagen.arena;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {
  @Test
  void hashesAreSaltedSlowAndVerifyOnlyTheRightPassword() {
    String a = Passwords.hash("correct horse", 120_000);
    String b = Passwords.hash("correct horse", 120_000);
    assertThat(a).startsWith("pbkdf2-sha256$120000$").isNotEqualTo(b); // per-user salt
    assertThat(a).doesNotContain("correct horse");
    assertThat(Passwords.iterations(a)).isGreaterThanOrEqualTo(100_000);
    assertThat(Passwords.verify("correct horse", a)).isTrue();
    assertThat(Passwords.verify("correct horsf", a)).isFalse();
    assertThat(Passwords.verify("correct horse", "md5$abc")).isFalse();
    assertThat(Passwords.verify("correct horse", "pbkdf2-sha256$x$y$z")).isFalse();
  }

  @Test
  void knownAnswerOfPbkdf2HmacSha256() {
    // RFC 7914 §11 test vector: PBKDF2-HMAC-SHA256("passwd", "salt", c=1, dkLen=64); our 32-byte key is its prefix
    String stored = "pbkdf2-sha256$1$" + java.util.Base64.getEncoder().withoutPadding().encodeToString("salt".getBytes())
        + "$" + java.util.Base64.getEncoder().withoutPadding().encodeToString(java.util.HexFormat.of().parseHex(
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"));
    assertThat(Passwords.verify("passwd", stored)).isTrue();
  }

  @Test
  void configRefusesFewerThan100kIterations() {
    ArenaConfig d = ArenaConfig.defaults();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ArenaConfig(d.imagesPerJob(), d.controlShare(), d.maxImagesPerWeek(),
            d.maxVotesPerMinute(), d.maxQueuedJobsPerUser(), d.maxQueue(), d.controlFailuresToBlock(), d.maxPromptChars(),
            d.maxBodyBytes(), 1000, d.sessionHours(), d.seed()))
        .hasMessageContaining("kdfIterations 1000").hasMessageContaining("[100000");
  }
}
