namespace K8sLandscape.Loading.Yaml;

/// <summary>
/// Finds flow collections (<c>[</c>, <c>{</c>) nested deeper than the depth limit before the
/// document reaches YamlDotNet, whose scanner does work proportional to the flow depth for every
/// token: 100,000 nested <c>[</c> (200 KB) cost it half a minute. One linear pass over the text.
/// It errs towards not finding: a bracket in a block scalar or a plain scalar is not counted, and
/// anything it misses is still stopped by the tree reader's own depth limit, only more slowly.
/// </summary>
internal static class FlowNestingGuard
{
    /// <summary>True when a flow collection opens beyond <paramref name="maxDepth"/> levels; gives its 1-based line and column.</summary>
    public static bool TryFindTooDeep(string text, int maxDepth, out int line, out int column)
    {
        line = 1;
        column = 0;

        // Depth cannot pass the number of openers: nearly every document is cleared by one
        // vectorized count instead of the character-by-character pass below.
        var span = text.AsSpan();
        if (span.Count('[') + span.Count('{') <= maxDepth) return false;

        var depth = 0;
        var quote = '\0';
        var inComment = false;
        var blockScalarIndent = -1; // indentation of the line that opened a block scalar, while in one
        var lineIndent = 0;
        var atLineStart = true;     // only spaces so far on this line
        var prevNonSpace = '\0';    // on this line, outside quotes
        var prev = '\n';

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            column++;
            if (c == '\n')
            {
                line++;
                column = 0;
                inComment = false;
                atLineStart = true;
                lineIndent = 0;
                prevNonSpace = '\0';
                prev = c;

                if (blockScalarIndent >= 0 && quote == '\0' && depth == 0)
                {
                    // Skip the block scalar's content: blank lines and lines indented deeper than its parent.
                    var j = i + 1;
                    var indent = 0;
                    while (j < text.Length && text[j] == ' ')
                    {
                        j++;
                        indent++;
                    }

                    var blank = j >= text.Length || text[j] is '\n' or '\r';
                    if (blank || indent > blockScalarIndent)
                    {
                        var end = text.IndexOf('\n', j);
                        if (end < 0) return false;
                        i = end - 1; // the loop's next step handles the newline
                        column = 0;
                        continue;
                    }

                    blockScalarIndent = -1;
                }

                continue;
            }

            if (inComment) continue;

            if (quote != '\0')
            {
                if (quote == '"' && c == '\\')
                {
                    i++;
                    column++;
                }
                else if (c == quote)
                {
                    if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        i++;
                        column++;
                    }
                    else
                    {
                        quote = '\0';
                        prevNonSpace = c;
                    }
                }

                prev = c;
                continue;
            }

            if (c is ' ' or '\t')
            {
                if (atLineStart && c == ' ') lineIndent++;
                prev = c;
                continue;
            }

            // Where a node may begin: at the line's start, after "key: ", "- ", "? " or a marker,
            // and inside a flow collection after '[', '{', ',' or ':'.
            var afterSpace = prev is ' ' or '\t' or '\n' || atLineStart;
            var nodeStart = atLineStart
                || (afterSpace && prevNonSpace is ':' or '-' or '?')
                || (depth > 0 && prevNonSpace is '[' or '{' or ',' or ':');

            switch (c)
            {
                case '#' when afterSpace:
                    inComment = true;
                    break;
                case '"' or '\'' when nodeStart:
                    quote = c;
                    break;
                case '[' or '{' when depth > 0 || nodeStart:
                    depth++;
                    if (depth > maxDepth) return true;
                    break;
                case ']' or '}' when depth > 0:
                    depth--;
                    break;
                case '|' or '>' when depth == 0 && nodeStart && !atLineStart:
                    blockScalarIndent = lineIndent;
                    break;
            }

            atLineStart = false;
            if (!inComment) prevNonSpace = c;
            prev = c;
        }

        return false;
    }
}
