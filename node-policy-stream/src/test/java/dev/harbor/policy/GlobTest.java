package dev.harbor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {

  @Test
  void a_star_matches_any_run_of_characters_including_none() {
    assertThat(Glob.matches("*", "")).isTrue();
    assertThat(Glob.matches("a*c", "ac")).isTrue();
    assertThat(Glob.matches("a*c", "abbbc")).isTrue();
    assertThat(Glob.matches("a*c", "abbbcd")).isFalse();
    assertThat(Glob.matches("*.github*", "docker.github-official")).isTrue();
  }

  @Test
  void a_question_mark_matches_exactly_one_character() {
    assertThat(Glob.matches("a?c", "abc")).isTrue();
    assertThat(Glob.matches("a?c", "ac")).isFalse();
    assertThat(Glob.matches("a?c", "abbc")).isFalse();
  }

  @Test
  void other_characters_match_only_themselves_with_no_regex_meaning() {
    assertThat(Glob.matches("a.c", "abc")).isFalse();
    assertThat(Glob.matches("a.c", "a.c")).isTrue();
    assertThat(Glob.matches("[ab]", "a")).isFalse();
    assertThat(Glob.matches("Ab", "ab")).isFalse();
  }

  @Test
  void backtracking_finds_a_match_after_a_false_start() {
    assertThat(Glob.matches("*ab*ab", "xabyabab")).isTrue();
    assertThat(Glob.matches("*aab", "aaab")).isTrue();
    assertThat(Glob.matches("*a*b*c", "aXbXcXa")).isFalse();
  }
}
