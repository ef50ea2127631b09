using System.Text;
using System.Text.RegularExpressions;

namespace K8sLandscape.Analyzers.Configuration;

/// <summary>A glob over a whole object name: <c>*</c> any characters, <c>?</c> one; everything else literal.</summary>
internal sealed class NameGlob
{
    private readonly Regex _regex;

    private NameGlob(Regex regex) => _regex = regex;

    public static bool TryCreate(string? pattern, out NameGlob glob)
    {
        glob = null!;
        if (string.IsNullOrWhiteSpace(pattern)) return false;
        var sb = new StringBuilder("^");
        foreach (var c in pattern)
        {
            sb.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        glob = new NameGlob(new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)));
        return true;
    }

    public bool IsMatch(string name) => _regex.IsMatch(name);
}
