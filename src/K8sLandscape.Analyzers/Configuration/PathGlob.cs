using System.Text;
using System.Text.RegularExpressions;

namespace K8sLandscape.Analyzers.Configuration;

/// <summary>
/// A path glob: <c>*</c> matches within one path segment, <c>**</c> across segments, <c>?</c> one
/// character. A glob without wildcards also matches everything below it (<c>vendor</c> ≡ <c>vendor/**</c>),
/// as in .gitignore. Paths are compared with <c>/</c> separators, ordinally.
/// </summary>
internal sealed class PathGlob
{
    private readonly Regex _regex;

    private PathGlob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    public string Pattern { get; }

    public static bool TryCreate(string? pattern, out PathGlob glob)
    {
        glob = null!;
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Contains('\\', StringComparison.Ordinal)) return false;
        var p = pattern.StartsWith("./", StringComparison.Ordinal) ? pattern[2..] : pattern;
        p = p.TrimEnd('/');
        if (p.Length == 0) return false;
        var sb = new StringBuilder("^");
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                var slash = i + 2 < p.Length && p[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else if (c is '[' or ']' or '{' or '}') return false;
            else sb.Append(Regex.Escape(c.ToString()));
        }

        sb.Append("(?:/.*)?$");
        glob = new PathGlob(pattern, new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)));
        return true;
    }

    /// <summary>Matches a path relative to the base folder (separators normalized, leading <c>./</c> dropped).</summary>
    public bool IsMatch(string relativePath)
    {
        var p = relativePath.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        return _regex.IsMatch(p);
    }
}
