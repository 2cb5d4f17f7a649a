package dev.privatelink.control.elb;

/** ELBv2's PageSize: 1 to 400 results per page; all of them when absent. */
final class ElbPaging {
  private ElbPaging() {}

  static Integer pageSize(Integer pageSize) {
    if (pageSize != null && (pageSize < 1 || pageSize > 400)) {
      throw ElbErrors.validation("Page size must be between 1 and 400");
    }
    return pageSize;
  }
}
