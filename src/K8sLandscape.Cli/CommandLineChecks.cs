using System.CommandLine;
using System.CommandLine.Parsing;
using K8sLandscape.Analyzers.Reporting;

namespace K8sLandscape.Cli;

/// <summary>
/// Usage errors System.CommandLine does not report by itself. It binds a token it does not know as
/// an option to a command's path argument, so <c>analyze samples --fromat sarif</c> would load a
/// file named <c>--fromat</c>; and it happily takes <c>-o json</c> as a file name. The known options
/// are read from the parsed command itself (its options and its ancestors' recursive ones), so an
/// option a command adds is known here without being registered anywhere else.
/// </summary>
internal static class CommandLineChecks
{
    /// <summary>Values of <c>-o</c>/<c>--output</c> that are a format, not a file (kubectl's <c>-o json</c> habit).</summary>
    private static readonly string[] FormatLikeNames = [.. ReportFormats.Names, "yaml", "yml", "wide", "name"];

    /// <summary>Every problem, one message each; empty when the command line is fine.</summary>
    public static IReadOnlyList<string> Check(ParseResult parse)
    {
        var errors = new List<string>();
        var known = KnownOptions(parse.CommandResult);
        var doubleDash = IndexOfDoubleDash(parse.Tokens);
        var command = CommandPath(parse.CommandResult);

        foreach (var token in SuspectTokens(parse, doubleDash))
        {
            var name = token.Split('=', 2)[0];
            var suggestion = Closest(name, known);
            errors.Add(suggestion is not null
                ? $"unknown option '{name}'; did you mean '{suggestion}'?"
                : $"unknown option '{name}'; '{command} --help' lists the options (a path that starts with '-' goes after '--': {command} -- {token})");
        }

        foreach (var option in parse.CommandResult.Command.Options.Where(o => o.Name == "--output" || o.Aliases.Contains("--output")))
        {
            if (parse.GetResult(option) is not { } result) continue;
            var typed = result.IdentifierToken?.Value ?? option.Name;
            foreach (var value in result.Tokens.Select(t => t.Value))
            {
                if (!FormatLikeNames.Contains(value, StringComparer.OrdinalIgnoreCase)) continue;
                errors.Add(ReportFormats.Names.Contains(value.ToLowerInvariant()) && parse.CommandResult.Command.Options.Any(o => o.Name == "--format")
                    ? $"'{typed} {value}' names the file to write, not a format: use '--format {value.ToLowerInvariant()}' (kubectl's -o); to write a file named '{value}', give './{value}'"
                    : $"'{typed} {value}' names the file to write, not a format; to write a file named '{value}', give './{value}'");
            }
        }

        return errors;
    }

    /// <summary>Tokens that look like options but name none: unmatched ones, and path arguments before any <c>--</c> that start with '-' (only <c>-</c> itself, standard input, is a path).</summary>
    private static IEnumerable<string> SuspectTokens(ParseResult parse, int doubleDash)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in parse.UnmatchedTokens)
        {
            if (LooksLikeOption(value) && seen.Add(value)) yield return value;
        }

        foreach (var argument in parse.CommandResult.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens)
            {
                if (!LooksLikeOption(token.Value)) continue;
                var at = IndexOf(parse.Tokens, token);
                if (doubleDash >= 0 && (at < 0 || at > doubleDash)) continue;
                if (seen.Add(token.Value)) yield return token.Value;
            }
        }
    }

    private static bool LooksLikeOption(string value) => value.Length > 1 && value[0] == '-';

    private static int IndexOfDoubleDash(IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.DoubleDash) return i;
        }

        return -1;
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Token token)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token)) return i;
        }

        return -1;
    }

    private static List<string> KnownOptions(CommandResult leaf)
    {
        var names = new List<string>();
        for (SymbolResult? r = leaf; r is not null; r = r.Parent)
        {
            if (r is not CommandResult c) continue;
            foreach (var o in c.Command.Options.Where(o => ReferenceEquals(c, leaf) || o.Recursive))
            {
                names.Add(o.Name);
                names.AddRange(o.Aliases);
            }
        }

        return names;
    }

    private static string CommandPath(CommandResult leaf)
    {
        var parts = new List<string>();
        for (SymbolResult? r = leaf; r is not null; r = r.Parent)
        {
            if (r is CommandResult c) parts.Add(c.Parent is null ? "k8s-landscape" : c.Command.Name);
        }

        parts.Reverse();
        return string.Join(' ', parts);
    }

    /// <summary>The known long option nearest to <paramref name="name"/> (a typo of up to a third of its letters), or null.</summary>
    internal static string? Closest(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known.Where(k => k.StartsWith("--", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var d = Distance(name.TrimStart('-'), candidate[2..]);
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }

        var allowed = Math.Max(1, name.TrimStart('-').Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours (<c>fromat</c> → <c>format</c> is 1).</summary>
    internal static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var w = b.Length + 1;
        var d = new int[(a.Length + 1) * w];
        for (var i = 0; i <= a.Length; i++) d[i * w] = i;
        for (var j = 0; j <= b.Length; j++) d[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[((i - 1) * w) + j] + 1, d[(i * w) + j - 1] + 1), d[((i - 1) * w) + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[((i - 2) * w) + j - 2] + 1);
                d[(i * w) + j] = v;
            }
        }

        return d[(a.Length * w) + b.Length];
    }
}
