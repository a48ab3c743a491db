/**
 * Counts what a user sees as characters (extended grapheme clusters, UAX #29): an emoji with its
 * skin tone, a ZWJ family, a flag or a letter with a combining accent is one character.
 * Latin, Greek, Cyrillic, Hebrew, Arabic and emoji are counted here directly, because
 * Intl.Segmenter is some twenty times slower; scripts with conjoining rules (Indic, Thai, Hangul
 * jamo) go to Intl.Segmenter.
 */
type GraphemeSegmenter = { segment(input: string): Iterable<unknown> };

let segmenter: GraphemeSegmenter | null | undefined;

function graphemeSegmenter(): GraphemeSegmenter | null {
  if (segmenter === undefined) {
    const Segmenter = (Intl as unknown as { Segmenter?: new (locale?: string, options?: { granularity: string }) => GraphemeSegmenter }).Segmenter;
    segmenter = Segmenter ? new Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  return segmenter;
}

/** True when a code unit may join its neighbour into one grapheme (the slow path is needed). */
export function mayCombine(code: number): boolean {
  return (
    code === 0x0d ||
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x0483 && code <= 0x0489) ||
    (code >= 0x0591 && code <= 0x05c7) ||
    (code >= 0x0610 && code <= 0x061a) ||
    (code >= 0x064b && code <= 0x065f) ||
    (code >= 0x0900 && code <= 0x0dff) ||
    (code >= 0x0e31 && code <= 0x0e4e) ||
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x200c && code <= 0x200d) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}

/** Grapheme_Cluster_Break=Extend (the parts of it that occur in the scripts counted directly). */
function isExtend(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x0483 && cp <= 0x0489) ||
    (cp >= 0x0591 && cp <= 0x05bd) ||
    cp === 0x05bf ||
    cp === 0x05c1 ||
    cp === 0x05c2 ||
    cp === 0x05c4 ||
    cp === 0x05c5 ||
    cp === 0x05c7 ||
    (cp >= 0x0610 && cp <= 0x061a) ||
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    cp === 0x200c ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) || // emoji skin tones
    (cp >= 0xe0020 && cp <= 0xe007f) || // emoji tag sequences (subdivision flags)
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** Extended_Pictographic, approximately: what may follow a zero-width joiner in an emoji sequence. */
function isPictographic(cp: number): boolean {
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return false; // regional indicators pair up instead
  if (cp >= 0x1f3fb && cp <= 0x1f3ff) return false; // skin tones extend
  return (cp >= 0x1f000 && cp < 0xe0000) || (cp >= 0x2190 && cp <= 0x2bff) || cp === 0x00a9 || cp === 0x00ae || cp === 0x203c || cp === 0x2049 || cp === 0x2122;
}

/** Scripts whose clusters follow rules not implemented here. */
function needsSegmenter(cp: number): boolean {
  return (cp >= 0x0900 && cp <= 0x0dff) || (cp >= 0x0e00 && cp <= 0x0eff) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xd7b0 && cp <= 0xd7ff) || (cp >= 0x1000 && cp <= 0x109f) || (cp >= 0x1780 && cp <= 0x17ff);
}

function countDirectly(text: string): number | null {
  let count = 0;
  let previous = -1;
  let afterJoiner = false;
  let pendingRegional = false;
  // Inside "ExtPict Extend*": a joiner here glues the next pictograph (UAX #29, GB11).
  let emojiRun = false;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (needsSegmenter(cp)) return null;
    const joinsPrevious =
      count > 0 &&
      ((cp === 0x0a && previous === 0x0d) ||
        (isExtend(cp) && previous !== 0x0d && previous !== 0x0a) ||
        (cp === 0x200d && previous !== 0x0d && previous !== 0x0a) ||
        (afterJoiner && isPictographic(cp)) ||
        (pendingRegional && cp >= 0x1f1e6 && cp <= 0x1f1ff));
    if (joinsPrevious) {
      // Regional indicators pair only when adjacent; anything joined in between ends the pair.
      pendingRegional = false;
    } else {
      count++;
      pendingRegional = cp >= 0x1f1e6 && cp <= 0x1f1ff;
    }
    if (cp === 0x200d) {
      afterJoiner = emojiRun;
      emojiRun = false;
    } else {
      afterJoiner = false;
      if (isPictographic(cp)) emojiRun = true;
      else if (!isExtend(cp)) emojiRun = false;
    }
    previous = cp;
  }
  return count;
}

export function countGraphemes(text: string, hasCombining: boolean): number {
  if (!hasCombining) return text.length;
  const direct = countDirectly(text);
  if (direct !== null) return direct;
  const seg = graphemeSegmenter();
  let n = 0;
  if (seg) {
    for (const _ of seg.segment(text)) n++;
    return n;
  }
  for (const _ of text) n++;
  return n;
}
