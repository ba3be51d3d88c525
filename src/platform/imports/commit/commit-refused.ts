/** A commit refused for a reason the uploader can act on; its message is shown as the import's failure. */
export class CommitRefused extends Error {}
