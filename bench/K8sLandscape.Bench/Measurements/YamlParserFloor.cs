using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace K8sLandscape.Bench.Measurements;

/// <summary>The floor: the same bytes through YamlDotNet's bare event parser, single-threaded, nothing kept.</summary>
internal sealed class YamlParserFloor : Measurement
{
    public override string Name => "floor";

    public override string Description => "YamlDotNet Parser event loop over the file (no tree, no JSON, one thread)";

    public override int Order => 0;

    public override RunOutcome Run(string file)
    {
        using var reader = new StreamReader(file);
        var parser = new Parser(reader);
        long documents = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is DocumentStart) documents++;
        }

        return new RunOutcome(documents);
    }
}
