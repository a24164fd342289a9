/** The CSV's columns, and one file's comments as rows: every page of them, through `for await`. */

/** @typedef {import("@frameio-sdk/client").FrameioClient} FrameioClient */
/** @typedef {{ id: string, path: string }} FileEntry */

export const COLUMNS = [
  "file_path",
  "file_id",
  "comment_id",
  "author",
  "timecode",
  "text",
  "annotation",
  "created_at",
  "completed_at",
];

/**
 * @param {FrameioClient} client
 * @param {string} account_id
 * @param {FileEntry} file
 * @returns {AsyncGenerator<Array<string | number | null | undefined>>}
 */
export async function* commentRows(client, account_id, file) {
  const comments = client.comments.index({
    account_id,
    file_id: file.id,
    include: "owner", // the author's name; without it a comment carries no author at all
    timestamp_as_timecode: true,
    page_size: 100,
  });
  for await (const comment of comments) {
    yield [
      file.path,
      file.id,
      comment.id,
      comment.owner?.name ?? comment.owner?.email,
      comment.timestamp,
      comment.text,
      comment.annotation,
      comment.created_at,
      comment.completed_at,
    ];
  }
}
