using System.Text;

namespace K8sLandscape.Bench.Generation;

/// <summary>
/// Rewrites a multi-document YAML dump as the one <c>kind: List</c> document that
/// <c>kubectl get ... -A -o yaml</c> prints: each document becomes an item, its first line after a
/// <c>- </c> and the others indented by two spaces (keys sorted as kubectl does: items before kind).
/// The generator writes no block scalars, so indenting every line keeps every value.
/// </summary>
internal static class YamlListForm
{
    public static int Convert(string input, string output)
    {
        using var reader = new StreamReader(input, Encoding.UTF8, false, 1 << 16);
        using var writer = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine("apiVersion: v1");
        writer.WriteLine("items:");
        var items = 0;
        var startOfItem = true;
        while (reader.ReadLine() is { } line)
        {
            if (line == "---")
            {
                startOfItem = true;
                continue;
            }

            if (line.Length == 0) continue;
            writer.Write(startOfItem ? "- " : "  ");
            writer.WriteLine(line);
            if (startOfItem) items++;
            startOfItem = false;
        }

        writer.WriteLine("kind: List");
        writer.WriteLine("metadata:");
        writer.WriteLine("  resourceVersion: \"\"");
        return items;
    }
}
