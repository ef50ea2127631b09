using System.Text;

namespace K8sLandscape.Bench.Generation;

/// <summary>
/// Rewrites a multi-document YAML dump as the one <c>kind: List</c> document that
/// <c>kubectl get ... -A -o yaml</c> prints: each document becomes an item, its first line after a
/// <c>- </c> and the others indented by two spaces (keys sorted as kubectl does: items before kind).
/// Indenting every line by the same two spaces keeps every value, block scalars and multi-line
/// plain or quoted scalars included (the generator writes no explicit indentation indicators).
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

            if (line.Length == 0)
            {
                // Blank lines may belong to a block scalar: kept, and left unindented as they are.
                writer.WriteLine();
                continue;
            }

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
