package dev.privatelink.control.elb;

import dev.privatelink.control.query.Page;
import java.util.List;
import java.util.function.Function;

/**
 * ELBv2's Marker/NextMarker paging: PageSize is 1 to 400 results per page (all of them when
 * absent); markers are keyed on items (see {@link Page}), so deletes between pages neither skip
 * nor repeat any; a marker this server did not issue is a ValidationError.
 */
final class ElbPaging {
  private ElbPaging() {}

  /** One page of {@code found}, each item keyed by {@code key} (its ARN). */
  static <T> Page<T> page(List<T> found, Function<T, String> key, Integer pageSize, String marker) {
    if (pageSize != null && (pageSize < 1 || pageSize > 400)) {
      throw ElbErrors.validation("Page size must be between 1 and 400");
    }
    return Page.of(found, key, pageSize, marker, m -> ElbErrors.validation("The marker '" + m + "' is not valid"));
  }
}
