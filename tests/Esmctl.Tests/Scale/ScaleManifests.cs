using System.Globalization;
using System.Text;

namespace Esmctl.Tests.Scale;

/// <summary>N generated SQS manifests, one function and queue each, 100 documents per file, as scripts/scale.sh
/// writes them; <see cref="Write"/> can give some of them another batch size to make k updates.</summary>
internal static class ScaleManifests
{
    public static string Name(int i) => "scale-" + i.ToString("D6", CultureInfo.InvariantCulture);

    public static void Write(string directory, int count, IReadOnlySet<int>? changed = null)
    {
        Directory.CreateDirectory(directory);
        foreach (var stale in Directory.GetFiles(directory, "*.yaml")) File.Delete(stale);
        for (var file = 0; file * 100 < count; file++)
        {
            var text = new StringBuilder();
            for (var i = file * 100; i < Math.Min(count, (file + 1) * 100); i++)
            {
                var batchSize = changed?.Contains(i) == true ? 5 : 10;
                text.Append(CultureInfo.InvariantCulture, $"""
                    apiVersion: esmctl/v1
                    kind: EventSourceMapping
                    metadata:
                      name: {Name(i)}
                    spec:
                      functionName: fn-{i:D6}
                      eventSourceArn: arn:aws:sqs:us-east-1:123456789012:queue-{i:D6}
                      batchSize: {batchSize}
                    ---

                    """);
            }
            File.WriteAllText(Path.Combine(directory, $"mappings-{file:D4}.yaml"), text.ToString());
        }
    }
}
