/**
 * The ids of the rows of a listing's recent pages, each with the first page it came on. Pages that fall far
 * enough behind the reading are forgotten (`forgetBefore`), so what is held depends on the pages kept, not
 * on the number of rows read.
 */
export class RecentRowIds {
  /** Each id remembered, with the first page it came on. */
  private readonly firstPage = new Map<string, number>()
  /** The ids each page brought first, to forget them with the page. */
  private readonly idsOfPage = new Map<number, string[]>()
  private distinct = 0

  /** Ids noted that were not remembered at the time: every distinct row, when none came back after forgotten. */
  get noted(): number {
    return this.distinct
  }

  /** Ids remembered now. */
  get held(): number {
    return this.firstPage.size
  }

  /** Pages whose ids are remembered now. */
  get pagesHeld(): number {
    return this.idsOfPage.size
  }

  /** The first page `id` came on, when it is remembered. */
  pageOf(id: string): number | undefined {
    return this.firstPage.get(id)
  }

  /** Notes that `id` came on `page`; true when it was not remembered. */
  note(id: string, page: number): boolean {
    const first = this.firstPage.get(id)
    if (first !== undefined && first <= page) return false
    this.firstPage.set(id, page)
    let ids = this.idsOfPage.get(page)
    if (!ids) this.idsOfPage.set(page, (ids = []))
    ids.push(id)
    if (first !== undefined) return false
    this.distinct++
    return true
  }

  /** Forgets the ids of every page before `page`. */
  forgetBefore(page: number): void {
    for (const [earlier, ids] of this.idsOfPage) {
      if (earlier >= page) continue
      for (const id of ids) if (this.firstPage.get(id) === earlier) this.firstPage.delete(id)
      this.idsOfPage.delete(earlier)
    }
  }
}
