package forklab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import forklab.api.Goal;
import forklab.engine.Fixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The goal kinds live in {@link Goal}; every other list of them must equal it. */
class GoalListsTest {
  private static final List<String> GOALS = Arrays.stream(Goal.values()).map(Goal::id).toList();

  @Test
  void theGoalOptionOffersExactlyTheGoals() {
    List<String> offered = new ArrayList<>();
    new GoalOption.Ids().forEach(offered::add);

    assertThat(offered).isEqualTo(GOALS);
  }

  @Test
  void theResultsSchemaAllowsExactlyTheGoals() throws Exception {
    JsonNode schema;
    try (InputStream in = getClass().getResourceAsStream("/forklab/report/results.schema.json")) {
      schema = new ObjectMapper().readTree(in);
    }
    List<String> allowed = new ArrayList<>();
    schema
        .path("$defs")
        .path("builtInGoal")
        .path("enum")
        .forEach(goal -> allowed.add(goal.asText()));

    assertThat(allowed).isEqualTo(GOALS);
  }

  @Test
  void theAuthoringGuidesGoalTableListsExactlyTheGoals() throws Exception {
    String guide = Files.readString(Fixtures.home().resolve("docs/authoring.md"));
    String table = guide.substring(guide.indexOf("| goal | a check of |"));
    table = table.substring(0, table.indexOf("\n\n"));
    Matcher row = Pattern.compile("(?m)^\\| `([a-z]+)` \\| (.+) \\|$").matcher(table);
    List<String> listed = new ArrayList<>();
    while (row.find()) {
      listed.add(row.group(1) + ": " + row.group(2));
    }

    assertThat(listed)
        .isEqualTo(
            Arrays.stream(Goal.values())
                .map(goal -> goal.id() + ": " + goal.description())
                .toList());
  }

  @Test
  void theContractListsExactlyTheGoals() throws Exception {
    String contract = Files.readString(Fixtures.home().resolve("docs/contract.md"));

    assertThat(contract).contains("(`" + String.join("`/`", GOALS) + "`)");
  }
}
