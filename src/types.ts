/** Shared types of the cvlint pipeline: input → Document → Analysis → findings → report. */

export type InputFormat = "markdown" | "text" | "pdf" | "docx" | "jsonresume";

/** Where a line (or a character of it) came from in the source file. */
export interface SourcePos {
  /** 1-based line in the text cvlint extracted (the source line for Markdown and text). */
  line: number;
  /** 1-based column: in the source for Markdown and text, in the extracted line otherwise. */
  column: number;
  /** PDF: 1-based page number. */
  page?: number;
  /** PDF: 1-based line on that page. */
  pageLine?: number;
  /** DOCX: 1-based paragraph index (paragraphs, list items and table cells in document order). */
  paragraph?: number;
}

export type BlockKind = "heading" | "bullet" | "paragraph" | "table-row";

export type SectionKind =
  | "header"
  | "summary"
  | "skills"
  | "experience"
  | "projects"
  | "education"
  | "certifications"
  | "other"
  // Sections of a job posting (--job):
  | "requirements"
  | "nice-to-have"
  | "responsibilities"
  | "company"
  | "benefits"
  | "stack";

/** Layout cues a parser saw for a line; used to find headings where the format has no markup. */
export interface LineStyle {
  bold?: boolean;
  /** Font size in points (PDF). */
  size?: number;
  /** Vertical gap above the line, in multiples of the body line height (PDF). */
  gapAbove?: number;
  /** Left edge of the line in points (PDF). */
  x?: number;
  /** A section's name split from the row it shared with its first content, a title set beside it (PDF). */
  beside?: boolean;
}

/**
 * A line as a parser produced it, before headings and sections are decided.
 * `cols[i]` is the 1-based source column of `text[i]` (absent: text columns are source columns).
 */
export interface RawLine {
  text: string;
  cols?: number[];
  /** Source line (Markdown/text), page + page line (PDF), paragraph (DOCX). */
  line: number;
  page?: number;
  pageLine?: number;
  paragraph?: number;
  /** What the parser knows: markup headings/bullets/rows are certain, "paragraph" may become a heading. */
  kind: BlockKind;
  /** True when the parser knows the line is a heading (Markdown, DOCX heading style). */
  certain?: boolean;
  /** Heading level (1–6) or list nesting depth (1-based). */
  level?: number;
  /** This line starts a new block (a new paragraph, list item, row); false: continues the previous one. */
  blockStart: boolean;
  style?: LineStyle;
  /** Link targets carried by markup on this line (Markdown links, DOCX hyperlinks). */
  hrefs?: string[];
}

export interface Link {
  url: string;
  text: string;
  line: number;
}

/** A line of the Document. */
export interface Line {
  /** 0-based index in Document.lines. */
  index: number;
  text: string;
  pos: SourcePos;
  /** 1-based source column of each character of `text` (same length as text). */
  cols: number[];
  kind: BlockKind;
  /** Index of the block this line belongs to. */
  block: number;
  /** Index of the section this line belongs to. */
  section: number;
  /** Heading level or list depth, when the format gives one. */
  level?: number;
}

export interface Block {
  index: number;
  kind: BlockKind;
  /** Indices into Document.lines, first and last (inclusive). */
  start: number;
  end: number;
  /** The block's text, its lines joined with a space. */
  text: string;
  level?: number;
  section: number;
}

export interface Section {
  index: number;
  kind: SectionKind;
  /** Heading text, null for the lines before the first heading. */
  heading: string | null;
  /** Index of the heading line, or of the first line when there is no heading. */
  headingLine: number | null;
  /** Lines start..end (inclusive) belong to this section, heading included. */
  start: number;
  end: number;
  /** How the heading was recognised (markup, style, layout cue, known heading word). */
  detectedBy: string;
  /**
   * 0..1: how sure the reader is of this section (where it starts and what it is): how its title was
   * found, times the extraction confidence. Below 0.5, findings inside it are not reported.
   */
  confidence: number;
  /** Why the section is unsure, when something specific makes it so. */
  doubt?: string;
}

export interface ExtractionQuality {
  /** 0..1: how much the extracted text can be trusted. */
  confidence: number;
  /** Share of characters that are garbled glyphs ((cid:NN), U+FFFD, private-use). */
  garbledRatio: number;
  /** Pages without any text (PDF). */
  emptyPages: number[];
  pages: number;
  /** Share of lines that look like two columns read across. */
  interleavedRatio: number;
  /** Whether a multi-column layout was detected and read column by column. */
  columns: boolean;
  /**
   * 0..1: how sure the reader is of the document's sections as a whole (low when no heading was
   * found, or none names a known section). Below 0.5, findings about the CV as a whole that depend
   * on its sections are not reported.
   */
  structure: number;
  /** Plain-language causes when confidence is lowered. */
  reasons: string[];
}

export interface CvDocument {
  file: string;
  format: InputFormat;
  lines: Line[];
  blocks: Block[];
  sections: Section[];
  links: Link[];
  /** HTML comments of a Markdown source (inline directives). */
  comments: Array<{ text: string; line: number; endLine: number }>;
  quality: ExtractionQuality;
}

export type Severity = "error" | "warning" | "info";

/** Where a finding is: a span of the extracted text, and the edit --fix applies there. */
export interface FindingPlace {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** PDF: page and line on the page. */
  page?: number;
  pageLine?: number;
  /** DOCX: paragraph. */
  paragraph?: number;
  /** The edit --fix applies (Markdown and text), in source lines and columns; end exclusive. */
  fix?: FindingFix;
}

export interface Finding extends FindingPlace {
  ruleId: string;
  messageId: string;
  data: Record<string, string | number>;
  message: string;
  severity: Severity;
  fixable: boolean;
  /** The other places of the same edit (the same misspelling again), in document order. */
  also?: FindingPlace[];
}

export interface FindingFix {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export interface FileError {
  code: string;
  message: string;
}

export interface SectionSummary {
  kind: SectionKind;
  heading: string | null;
  line: number;
}

/** A skill in the JSON output. */
export interface SkillJson {
  id: string;
  name: string;
  category: string;
  known: boolean;
  sections: SectionKind[];
  canonical: boolean;
  suggestion?: { id: string; name: string };
  occurrences: Array<{
    text: string;
    line: number;
    column: number;
    page?: number;
    section: SectionKind;
    via: string;
    form: string;
    context?: string;
    canonical: boolean;
  }>;
}

/** The job match in the JSON output (with --job). */
export interface JobJson {
  file: string;
  /** 0–100; null when the posting names no skill cvlint recognises. */
  matchRate: number | null;
  required: JobRequirementJson[];
  /** Preferred: "a plus", "nice to have", "ideally". */
  niceToHave: JobRequirementJson[];
  /** The team's stated stack ("our stack", "what we build with"): context, weighed low. */
  stack: JobRequirementJson[];
}

export interface JobRequirementJson {
  /** "Java" or, for alternatives and examples, "Java or Kotlin". */
  name: string;
  /** Taxonomy ids; "other:<slug>" for a requirement outside the taxonomy ("other:file-systems"). */
  ids: string[];
  /** The name of each id, in the same order ("Java", "Kotlin"): the members of alternatives and examples. */
  names: string[];
  /** technical | soft | domain */
  category: string;
  found: boolean;
  /** listed-and-used | listed | used | mentioned | implied | missing */
  shown: string;
  sections: SectionKind[];
  /** Line and column of the posting that asks for it, and why it is required, preferred or stack. */
  line: number;
  column: number;
  reason: string;
  /** What decided its level: by heading | label | phrase | title | text, and the words. */
  cue: { by: string; text: string };
  /** "alternatives" or "examples" when any of several skills meets it; null otherwise. */
  anyOf: string | null;
  /** For examples: the requirement they illustrate ("Database design"). */
  head?: string;
}

export interface LintResult {
  file: string;
  format: InputFormat | null;
  error: FileError | null;
  score: number | null;
  sections: SectionSummary[];
  skills: SkillJson[];
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  job?: JobJson;
  /** Not part of the JSON output: the document, for `cvlint text` and reporters. */
  document?: CvDocument;
  /** Not part of the JSON output: the skills analysis, for `cvlint skills` and rules. */
  analysis?: import("./match/analyze.js").Analysis;
  /** Not part of the JSON output: the decoded source of Markdown and text files, for --fix. */
  source?: string;
  /** Not part of the JSON output: a PDF's page count, when the document stayed on a worker thread. */
  pages?: number;
}
