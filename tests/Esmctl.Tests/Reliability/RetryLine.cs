using System.Text.RegularExpressions;

namespace Esmctl.Tests.Reliability;

/// <summary>The "Retries:" line of an apply's report, read back.</summary>
internal sealed partial record RetryLine(int Retried, int Throttled, int ServiceErrors, int Network, int GaveUp, int Busy, int Polls, int Adopted, int Resent = 0)
{
    public static readonly RetryLine Zero = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static RetryLine Parse(string stdout)
    {
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("Retries: ", StringComparison.Ordinal));
        if (line is null) return Zero;
        var head = Head().Match(line);
        Assert.True(head.Success, $"unreadable retry line: {line}");
        int N(Group g) => g.Success ? int.Parse(g.Value) : 0;
        return new RetryLine(N(head.Groups[1]), N(head.Groups[2]), N(head.Groups[3]), N(head.Groups[4]),
            N(GaveUpPart().Match(line).Groups[1]), N(BusyPart().Match(line).Groups[1]),
            N(PollsPart().Match(line).Groups[1]), N(AdoptedPart().Match(line).Groups[1]), N(ResentPart().Match(line).Groups[1]));
    }

    public static RetryLine operator +(RetryLine a, RetryLine b) => new(
        a.Retried + b.Retried, a.Throttled + b.Throttled, a.ServiceErrors + b.ServiceErrors, a.Network + b.Network,
        a.GaveUp + b.GaveUp, a.Busy + b.Busy, a.Polls + b.Polls, a.Adopted + b.Adopted, a.Resent + b.Resent);

    [GeneratedRegex(@"^Retries: (\d+) API calls retried \((\d+) throttled, (\d+) service errors, (\d+) network")]
    private static partial Regex Head();

    [GeneratedRegex(@"(\d+) given up")]
    private static partial Regex GaveUpPart();

    [GeneratedRegex(@"(\d+) repeated after the mapping was busy")]
    private static partial Regex BusyPart();

    [GeneratedRegex(@"(\d+) polls waiting")]
    private static partial Regex PollsPart();

    [GeneratedRegex(@"(\d+) lost creates sent again")]
    private static partial Regex ResentPart();

    [GeneratedRegex(@"(\d+) creates resolved")]
    private static partial Regex AdoptedPart();
}
