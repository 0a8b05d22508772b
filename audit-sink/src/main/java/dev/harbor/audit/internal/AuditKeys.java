package dev.harbor.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;

/**
 * The byte layout of the audit store's keys. RocksDB orders keys bytewise, and every key that
 * points at an event ends in the same suffix: the event time, inverted so that later times sort
 * first, then the event id. A forward scan over any prefix therefore meets events newest first.
 *
 * <ul>
 *   <li>{@code 'E' time id} holds the encoded event ({@link EventCodec});
 *   <li>{@code 'X' field escaped(value) 0x00 time id} is an index entry with an empty value;
 *   <li>{@code 'N' field escaped(value)} counts the events with that value, {@code 'N' '#'} all events.
 * </ul>
 *
 * Values are escaped so that they never contain the 0x00 terminator: 0x00 becomes 0x01 0x01 and
 * 0x01 becomes 0x01 0x02. A prefix for one value can then never match the entries of another.
 */
public final class AuditKeys {

  /** Length of the encoded time at the start of every suffix. */
  public static final int TIME_BYTES = 12;

  private static final byte EVENT = 'E';
  private static final byte INDEX = 'X';
  private static final byte COUNT = 'N';
  private static final byte TOTAL = '#';
  private static final byte TERMINATOR = 0x00;
  private static final byte ESCAPE = 0x01;
  private static final int MAX_NANOS = 999_999_999;

  private static final byte[] EVENT_PREFIX = {EVENT};
  private static final Bytes TOTAL_KEY = Bytes.wrap(new byte[] {COUNT, TOTAL});

  private AuditKeys() {}

  /**
   * A time as 12 bytes whose unsigned bytewise order is the reverse of time order: the epoch
   * second with its sign bit flipped and all bits inverted, then the inverted nanosecond.
   */
  public static byte[] time(Instant at) {
    long second = ~(at.getEpochSecond() ^ Long.MIN_VALUE);
    int nanos = MAX_NANOS - at.getNano();
    return ByteBuffer.allocate(TIME_BYTES).putLong(second).putInt(nanos).array();
  }

  /** Reads back a time written by {@link #time}, from the start of {@code bytes}. */
  public static Instant timeAt(byte[] bytes, int offset) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, TIME_BYTES);
    long second = ~buffer.getLong() ^ Long.MIN_VALUE;
    int nanos = MAX_NANOS - buffer.getInt();
    return Instant.ofEpochSecond(second, nanos);
  }

  /** The suffix every key about one event ends in: its inverted time, then its id. */
  public static byte[] suffix(Instant at, String id) {
    return concat(time(at), id.getBytes(StandardCharsets.UTF_8));
  }

  /** The key of the event with this suffix. */
  public static Bytes event(byte[] suffix) {
    return Bytes.wrap(concat(EVENT_PREFIX, suffix));
  }

  /** The prefix of every event key. */
  public static byte[] eventPrefix() {
    return EVENT_PREFIX.clone();
  }

  /** The prefix of every index entry for {@code value} of {@code field}. */
  public static byte[] indexPrefix(IndexField field, String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(INDEX);
    out.write(field.code());
    writeEscaped(out, value);
    out.write(TERMINATOR);
    return out.toByteArray();
  }

  /** The index entry pointing at the event with this suffix. */
  public static Bytes index(IndexField field, String value, byte[] suffix) {
    return Bytes.wrap(concat(indexPrefix(field, value), suffix));
  }

  /** The counter of events with {@code value} for {@code field}. */
  public static Bytes count(IndexField field, String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(COUNT);
    out.write(field.code());
    writeEscaped(out, value);
    return Bytes.wrap(out.toByteArray());
  }

  /** The counter of all events. */
  public static Bytes total() {
    return TOTAL_KEY;
  }

  /**
   * The first key (inclusive) to scan under {@code prefix} for events before {@code to}
   * (exclusive), or the prefix itself when there is no upper time bound.
   */
  public static Bytes scanStart(byte[] prefix, Instant to) {
    return Bytes.wrap(to == null ? prefix : concat(prefix, time(to.minusNanos(1))));
  }

  /**
   * The last key (inclusive) to scan under {@code prefix} for events at or after {@code from}, or
   * the end of the prefix when there is no lower time bound. No stored key equals the bound itself.
   */
  public static Bytes scanEnd(byte[] prefix, Instant from) {
    if (from != null) {
      return Bytes.wrap(concat(prefix, time(from.minusNanos(1))));
    }
    byte[] end = prefix.clone();
    end[end.length - 1]++;
    return Bytes.wrap(end);
  }

  /** Reads a counter value; an absent counter is zero. */
  public static long countValue(byte[] value) {
    return value == null ? 0 : ByteBuffer.wrap(value).getLong();
  }

  /** Writes a counter value. */
  public static byte[] countBytes(long count) {
    return ByteBuffer.allocate(Long.BYTES).putLong(count).array();
  }

  private static void writeEscaped(ByteArrayOutputStream out, String value) {
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      if (b == TERMINATOR || b == ESCAPE) {
        out.write(ESCAPE);
        out.write(b + 1);
      } else {
        out.write(b);
      }
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }
}
