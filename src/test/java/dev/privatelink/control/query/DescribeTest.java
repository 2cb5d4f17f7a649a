package dev.privatelink.control.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.privatelink.control.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Filter;

class DescribeTest {
  record Thing(String id, String color) {}

  private final Describe<Thing> describe = Describe.of(Thing::id,
      id -> AwsException.badRequest("InvalidThingID.NotFound", "The thing ID '" + id + "' does not exist"),
      Filters.<Thing>of(t -> Map.of()).one("thing-id", Thing::id).one("color", Thing::color).build());

  private final List<Thing> things = new ArrayList<>(List.of(new Thing("t-1", "red"), new Thing("t-2", "blue"),
      new Thing("t-3", "red"), new Thing("t-4", "red"), new Thing("t-5", "blue")));

  @Test
  void idsSelectInTheOrderOfTheResourcesAndAMissingIdIsNotFound() {
    assertEquals(List.of("t-2", "t-4"), ids(describe.matching(things, List.of("t-4", "t-2", "t-4"), List.of())));
    var e = assertThrows(AwsException.class, () -> describe.matching(things, List.of("t-1", "t-9"), List.of()));
    assertEquals("InvalidThingID.NotFound", e.code());
    assertEquals("The thing ID 't-9' does not exist", e.getMessage());
    assertEquals(5, describe.matching(things, List.of(), List.of()).size(), "no ids: every resource");
  }

  @Test
  void filtersUseTheKindsNamesAndAnUnknownNameIsInvalidParameterValue() {
    assertEquals(List.of("t-1", "t-3"), ids(describe.matching(things, List.of("t-1", "t-2", "t-3"), List.of(color("red")))));
    var e = assertThrows(AwsException.class, () -> describe.matching(things, List.of(),
        List.of(Filter.builder().name("shape").values("x").build())));
    assertEquals("InvalidParameterValue", e.code());
  }

  @Test
  void pagesWalkEveryMatchOnceAndTheLastPageHasNoToken() {
    Page<Thing> first = describe.page(things, List.of(), List.of(color("red")), 2, null);
    assertEquals(List.of("t-1", "t-3"), ids(first.items()));
    Page<Thing> second = describe.page(things, List.of(), List.of(color("red")), 2, first.nextToken());
    assertEquals(List.of("t-4"), ids(second.items()));
    assertNull(second.nextToken());
    assertNull(describe.page(things, List.of(), List.of(), null, null).nextToken(), "no MaxResults: one page");
  }

  @Test
  void deletingAnItemAlreadyReturnedNeitherSkipsNorRepeats() {
    Page<Thing> first = describe.page(things, List.of(), List.of(), 2, null);
    assertEquals(List.of("t-1", "t-2"), ids(first.items()));
    things.removeIf(t -> t.id().equals("t-1"));
    Page<Thing> second = describe.page(things, List.of(), List.of(), 2, first.nextToken());
    assertEquals(List.of("t-3", "t-4"), ids(second.items()));
  }

  @Test
  void deletingTheLastItemReturnedResumesAtTheOneAfterIt() {
    Page<Thing> first = describe.page(things, List.of(), List.of(), 2, null);
    things.removeIf(t -> t.id().equals("t-1") || t.id().equals("t-2"));
    Page<Thing> second = describe.page(things, List.of(), List.of(), 2, first.nextToken());
    assertEquals(List.of("t-3", "t-4"), ids(second.items()));
    Page<Thing> third = describe.page(things, List.of(), List.of(), 2, second.nextToken());
    assertEquals(List.of("t-5"), ids(third.items()));
  }

  @Test
  void aTokenThisServerDidNotIssueIsInvalidParameterValue() {
    for (String token : List.of("garbage!", "b2ZmOjI", Page.of(things, Thing::id, 1, null, Describe::badToken).nextToken() + "x")) {
      var e = assertThrows(AwsException.class, () -> describe.page(things, List.of(), List.of(), 1, token));
      assertEquals("InvalidParameterValue", e.code());
      assertEquals("Value (" + token + ") for parameter nextToken is invalid. The token is invalid.", e.getMessage());
    }
  }

  @Test
  void aPageMapsToTheRenderedShapeAndKeepsItsToken() {
    Page<Thing> first = describe.page(things, List.of(), List.of(), 1, null);
    Page<String> rendered = first.map(Thing::color);
    assertEquals(List.of("red"), rendered.items());
    assertEquals(first.nextToken(), rendered.nextToken());
  }

  private static Filter color(String value) {
    return Filter.builder().name("color").values(value).build();
  }

  private static List<String> ids(List<Thing> items) {
    return items.stream().map(Thing::id).toList();
  }
}
