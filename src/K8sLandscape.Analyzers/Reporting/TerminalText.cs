using System.Globalization;
using System.Text;

namespace K8sLandscape.Analyzers.Reporting;

/// <summary>
/// Makes text from the input (object names, file names, scalars, messages quoting them) safe to
/// print where a person reads it. A terminal obeys ESC and C1 sequences (a crafted name can move the
/// cursor, rewrite earlier lines or retitle the window), rings on BEL, and bidirectional overrides
/// make text read differently from the bytes CI logs keep (the "Trojan Source" trick). Such characters
/// are shown escaped (<c>\x1b</c>, <c>\u202e</c>); JSON and SARIF keep the text as it is.
/// </summary>
public static class TerminalText
{
    /// <summary>Names longer than this are shortened by <see cref="Shorten"/> in text output.</summary>
    public const int MaxNameLength = 200;

    /// <summary>
    /// True for characters a terminal or a bidi-aware viewer would act on instead of showing: C0
    /// controls except tab, DEL, C1 controls, the embeddings and overrides U+202A-U+202E, the isolates
    /// U+2066-U+2069, and the marks U+200E, U+200F and U+061C.
    /// </summary>
    public static bool IsUnsafe(char c) =>
        (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F) || IsBidiControl(c);

    /// <summary>True for the bidirectional formatting characters (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C).</summary>
    public static bool IsBidiControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    /// <summary>
    /// One line of text safe to print: every <see cref="IsUnsafe"/> character (line breaks included,
    /// so a name cannot forge a line) is written as <c>\xHH</c> (up to U+00FF) or <c>\uHHHH</c>.
    /// </summary>
    public static string Escape(string? text) => Escape(text, keepLineBreaks: false);

    /// <summary>Like <see cref="Escape(string?)"/>, keeping <c>\n</c> and <c>\r</c> (for whole blocks of output).</summary>
    public static string Escape(string? text, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var first = IndexOfUnsafe(text, keepLineBreaks);
        if (first < 0) return text;
        var sb = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c) || (keepLineBreaks && c is '\n' or '\r')) sb.Append(c);
            else AppendEscaped(sb, c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Shortens every whitespace-separated word longer than <paramref name="max"/> characters (a
    /// 10,000-character object name) to its start, an ellipsis, its end and its length, so one value
    /// cannot flood a terminal. Words up to the limit (paths, ordinary names) are kept whole.
    /// </summary>
    public static string Shorten(string? text, int max = MaxNameLength)
    {
        if (string.IsNullOrEmpty(text) || text.Length <= max) return text ?? string.Empty;
        var sb = new StringBuilder(Math.Min(text.Length, 4 * max));
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !char.IsWhiteSpace(text[i])) continue;
            AppendWord(sb, text.AsSpan(start, i - start), max);
            if (i < text.Length) sb.Append(text[i]);
            start = i + 1;
        }

        return sb.ToString();
    }

    /// <summary>
    /// A text writer for whole plain-text outputs (listings, error messages): it escapes what
    /// <see cref="Escape(string?, bool)"/> escapes, keeping line breaks, and shortens words longer than
    /// <see cref="MaxNameLength"/> in each string written (<see cref="Shorten"/>). Not for JSON.
    /// </summary>
    public static TextWriter EscapingWriter(TextWriter inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return inner is EscapingTextWriter ? inner : new EscapingTextWriter(inner);
    }

    /// <summary>The writer an <see cref="EscapingWriter"/> writes to, or the writer itself.</summary>
    public static TextWriter Unwrap(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer is EscapingTextWriter e ? e.Inner : writer;
    }

    private static void AppendWord(StringBuilder sb, ReadOnlySpan<char> word, int max)
    {
        if (word.Length <= max)
        {
            sb.Append(word);
            return;
        }

        var tail = Math.Max(8, max / 4);
        var head = Math.Max(8, max - tail - 24);
        sb.Append(word[..head]).Append('…').Append(word[^tail..])
          .Append(CultureInfo.InvariantCulture, $" ({word.Length} chars)");
    }

    private static int IndexOfUnsafe(string text, bool keepLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnsafe(c) && !(keepLineBreaks && c is '\n' or '\r')) return i;
        }

        return -1;
    }

    private static void AppendEscaped(StringBuilder sb, char c)
    {
        if (c <= '\u00FF') sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
        else sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
    }

    private sealed class EscapingTextWriter(TextWriter inner) : TextWriter(CultureInfo.InvariantCulture)
    {
        public TextWriter Inner { get; } = inner;

        public override Encoding Encoding => Inner.Encoding;

        public override void Write(char value)
        {
            if (IsUnsafe(value) && value is not ('\n' or '\r'))
            {
                var sb = new StringBuilder(6);
                AppendEscaped(sb, value);
                Inner.Write(sb.ToString());
            }
            else
            {
                Inner.Write(value);
            }
        }

        public override void Write(string? value) => Inner.Write(Escape(Shorten(value), keepLineBreaks: true));

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => Inner.WriteLine(Escape(Shorten(value), keepLineBreaks: true));

        public override void Flush() => Inner.Flush();
    }
}
