package dev.harbor.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AuditKeysTest {

  @Test
  void laterTimesSortFirstBytewiseAcrossTheWholeRangeOfInstants() {
    SplittableRandom random = new SplittableRandom(7);
    Instant[] samples = {
      Instant.EPOCH, Instant.EPOCH.minusNanos(1), Instant.EPOCH.plusNanos(1),
      Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("2025-12-03T08:00:00Z"),
      Instant.parse("2025-12-03T08:00:00.000000001Z"), Instant.parse("-1000000-01-01T00:00:00Z"),
      Instant.parse("+1000000-01-01T00:00:00Z")
    };
    for (int i = 0; i < 20_000; i++) {
      Instant a = i < samples.length ? samples[i] : randomInstant(random);
      Instant b = randomInstant(random);
      int timeOrder = a.compareTo(b);
      int byteOrder = Arrays.compareUnsigned(AuditKeys.time(a), AuditKeys.time(b));
      assertThat(Integer.signum(byteOrder)).as("%s vs %s", a, b).isEqualTo(-Integer.signum(timeOrder));
      assertThat(AuditKeys.timeAt(AuditKeys.time(a), 0)).isEqualTo(a);
    }
  }

  @Test
  void anIndexPrefixNeverCoversTheEntriesOfAnotherValue() {
    String[] values = {"a", "a\u0000", "a\u0001", "a\u0000b", "ab", "a\u0001\u0002", ""};
    for (String a : values) {
      for (String b : values) {
        if (!a.equals(b)) {
          byte[] prefix = AuditKeys.indexPrefix(IndexField.ACTOR, a);
          byte[] other = AuditKeys.index(IndexField.ACTOR, b, AuditKeys.suffix(Instant.EPOCH, "id")).get();
          assertThat(startsWith(other, prefix)).as("prefix of %s covers %s", a, b).isFalse();
        }
      }
    }
  }

  @Test
  void aTimeRangeScanCoversExactlyTheEventsFromInclusiveToExclusive() {
    byte[] prefix = AuditKeys.indexPrefix(IndexField.TYPE, "status_changed");
    Instant from = Instant.parse("2025-12-03T08:00:00Z");
    Instant to = Instant.parse("2025-12-03T09:00:00Z");
    byte[] start = AuditKeys.scanStart(prefix, to).get();
    byte[] end = AuditKeys.scanEnd(prefix, from).get();

    assertThat(inRange(AuditKeys.index(IndexField.TYPE, "status_changed", AuditKeys.suffix(from, "z")).get(), start, end)).isTrue();
    assertThat(inRange(AuditKeys.index(IndexField.TYPE, "status_changed", AuditKeys.suffix(to.minusNanos(1), "a")).get(), start, end)).isTrue();
    assertThat(inRange(AuditKeys.index(IndexField.TYPE, "status_changed", AuditKeys.suffix(to, "a")).get(), start, end)).isFalse();
    assertThat(inRange(AuditKeys.index(IndexField.TYPE, "status_changed", AuditKeys.suffix(from.minusNanos(1), "a")).get(), start, end)).isFalse();
    assertThat(inRange(AuditKeys.index(IndexField.TYPE, "status_changef", AuditKeys.suffix(from, "a")).get(),
        AuditKeys.scanStart(prefix, null).get(), AuditKeys.scanEnd(prefix, null).get())).isFalse();
  }

  private static boolean inRange(byte[] key, byte[] start, byte[] end) {
    return Arrays.compareUnsigned(key, start) >= 0 && Arrays.compareUnsigned(key, end) <= 0;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static Instant randomInstant(SplittableRandom random) {
    long seconds = random.nextBoolean() ? random.nextLong(-4_000_000_000L, 4_000_000_000L) : random.nextLong(1_700_000_000L, 1_700_000_100L);
    return Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
  }
}
