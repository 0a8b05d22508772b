package dev.harbor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Synopses read as commands, and arguments checked against them. */
class ArgsTest {

  private static final CommandSpec SETUP =
      CommandSpec.of("setup ID [--config k=v ...] [--key IDEMPOTENCY] [--wait] [--timeout 60s]", "set up");
  private static final CommandSpec DISABLE = CommandSpec.of("disable ID --reason TEXT", "disable");
  private static final CommandSpec SEARCH = CommandSpec.of("catalog search [QUERY] [--tag T] [--size N]", "search");

  @Test
  void aSynopsisNamesTheWordsPositionalsAndFlags() {
    assertThat(SETUP.path()).isEqualTo("setup");
    assertThat(SETUP.positionals()).containsExactly("ID");
    assertThat(SETUP.flags().keySet()).containsExactly("--config", "--key", "--wait", "--timeout");
    assertThat(SETUP.flags().get("--config").repeatable()).isTrue();
    assertThat(SETUP.flags().get("--wait").isSwitch()).isTrue();
    assertThat(SETUP.flags().get("--key").required()).isFalse();
    assertThat(DISABLE.flags().get("--reason").required()).isTrue();
    assertThat(SEARCH.path()).isEqualTo("catalog search");
    assertThat(SEARCH.requiredPositionals()).isZero();
    CommandSpec token = CommandSpec.of("token create --kind agent|script|operator --name NAME", "create");
    assertThat(token.flags().get("--kind").metavar()).isEqualTo("agent|script|operator");
  }

  @Test
  void flagsTakeTheirValueNextOrAfterAnEqualsSign() {
    Args args = Args.parse(SETUP, List.of("test.x", "--config", "a=1", "--config=b=2", "--wait", "--key", "k1"));
    assertThat(args.required(0)).isEqualTo("test.x");
    assertThat(args.values("--config")).containsExactly("a=1", "b=2");
    assertThat(args.has("--wait")).isTrue();
    assertThat(args.value("--key")).contains("k1");
    assertThat(args.value("--timeout")).isEmpty();
  }

  @Test
  void badArgumentsAreUsageErrorsThatShowTheSynopsis() {
    assertThatThrownBy(() -> Args.parse(SETUP, List.of()))
        .isInstanceOf(UsageException.class).hasMessage("setup needs ID")
        .extracting(e -> ((UsageException) e).hint()).isEqualTo("usage: ./harbor mcp " + SETUP.synopsis());
    assertThatThrownBy(() -> Args.parse(SETUP, List.of("a", "b"))).hasMessage("unexpected argument 'b'");
    assertThatThrownBy(() -> Args.parse(SETUP, List.of("a", "--bogus"))).hasMessage("unknown option '--bogus' for setup");
    assertThatThrownBy(() -> Args.parse(SETUP, List.of("a", "--key"))).hasMessage("--key needs a value (IDEMPOTENCY)");
    assertThatThrownBy(() -> Args.parse(SETUP, List.of("a", "--key", "1", "--key", "2"))).hasMessage("--key given twice");
    assertThatThrownBy(() -> Args.parse(SETUP, List.of("a", "--wait=yes"))).hasMessage("--wait takes no value");
    assertThatThrownBy(() -> Args.parse(DISABLE, List.of("a"))).hasMessage("disable needs --reason TEXT");
    assertThatThrownBy(() -> Args.parse(SEARCH, List.of("--size", "0")).positiveInt("--size"))
        .hasMessage("--size must be a positive number, not '0'");
    assertThatThrownBy(() -> Args.parse(SEARCH, List.of("--size", "ten")).positiveInt("--size"))
        .isInstanceOf(UsageException.class);
  }

  @Test
  void durationsReadAsPeopleTypeThem() {
    Args args = Args.parse(SETUP, List.of("a"));
    assertThat(Durations.parse("60s", args)).isEqualTo(Duration.ofSeconds(60));
    assertThat(Durations.parse("2m", args)).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("500ms", args)).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("90", args)).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> Durations.parse("soon", args)).isInstanceOf(UsageException.class)
        .hasMessageContaining("not a positive duration");
    assertThatThrownBy(() -> Durations.parse("0s", args)).isInstanceOf(UsageException.class);
  }
}
