package dev.harbor.sdk;

/**
 * The paging every listing shares: a zero-based {@code page} and a {@code size} of 1 to 200 (the
 * Node's default is 50). Values are sent as given; the Node refuses one out of range with a {@link
 * BadRequestException} naming it.
 */
abstract class PagedQuery<S extends PagedQuery<S>> {

  final Query query = Query.none();

  /** The zero-based page to read. */
  public S page(int page) {
    query.put("page", page);
    return self();
  }

  /** How many items a page holds. */
  public S size(int size) {
    query.put("size", size);
    return self();
  }

  abstract S self();
}
