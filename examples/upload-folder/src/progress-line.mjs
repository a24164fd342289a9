/**
 * One line per file. On a terminal the line is a bar redrawn in place (`\r`) while the parts go up; anywhere else
 * (a pipe, a CI log) each file gets a single plain line once it is done, so logs are not flooded with redraws.
 */

const BAR_WIDTH = 24;
const CLEAR_TO_END_OF_LINE = "\x1b[K";

/** @param {number} bytes */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

/**
 * @typedef {object} FileLine
 * @property {(bytesSent: number) => void} update
 * @property {() => void} done
 * @property {(reason: string) => void} failed
 */

/** @param {{ isTTY?: boolean, write(text: string): unknown }} stream */
export function createProgress(stream) {
  const tty = Boolean(stream.isTTY);
  return {
    /**
     * @param {string} name
     * @param {string} reason
     */
    skipped(name, reason) {
      stream.write(`skipped  ${name}: ${reason}\n`);
    },

    /**
     * @param {string} name
     * @param {number} size
     * @returns {FileLine}
     */
    start(name, size) {
      let drawnPercent = -1;
      const draw = (/** @type {number} */ sent) => {
        const percent = Math.floor((sent / size) * 100);
        if (percent === drawnPercent) return; // progress comes per chunk; redraw only when the figure changes
        drawnPercent = percent;
        const filled = Math.floor((percent / 100) * BAR_WIDTH);
        const bar = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
        stream.write(
          `\r${bar} ${String(percent).padStart(3)}% ${name} ${formatBytes(sent)} / ${formatBytes(size)}${CLEAR_TO_END_OF_LINE}`,
        );
      };
      if (tty) draw(0);
      return {
        update: (sent) => tty && draw(sent),
        done() {
          if (tty) {
            draw(size);
            stream.write("\n");
          } else {
            stream.write(`uploaded ${name} (${formatBytes(size)})\n`);
          }
        },
        failed(reason) {
          stream.write(`${tty ? "\n" : ""}failed   ${name}: ${reason}\n`);
        },
      };
    },
  };
}
