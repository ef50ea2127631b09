namespace K8sLandscape.Catalog.Recognition;

/// <summary>
/// Finds the driver names a DeviceClass selects with CEL such as <c>device.driver == "gpu.example.com"</c>.
/// A hand-written scan rather than a regex: it runs once per DeviceClass and needs no CEL parser.
/// </summary>
internal static class CelDriverScanner
{
    private const string Subject = "device.driver";

    public static void Scan(string expression, List<string> into)
    {
        var from = 0;
        while (true)
        {
            var at = expression.IndexOf(Subject, from, StringComparison.Ordinal);
            if (at < 0) return;
            var i = SkipSpace(expression, at + Subject.Length);
            from = at + Subject.Length;
            if (i + 1 >= expression.Length || expression[i] != '=' || expression[i + 1] != '=') continue;
            i = SkipSpace(expression, i + 2);
            if (i >= expression.Length || (expression[i] != '"' && expression[i] != '\'')) continue;
            var quote = expression[i];
            var end = expression.IndexOf(quote, i + 1);
            if (end <= i + 1) continue;
            into.Add(expression[(i + 1)..end]);
            from = end + 1;
        }
    }

    private static int SkipSpace(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i;
    }
}
