using Reconciler.Core.Model;
using Reconciler.Core.Validation;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Validation;

/// <summary>
/// Every rule of the filter pattern grammar, one accepted and one refused pattern each, checked on a create request
/// (CreateRequestCheck, what apply runs before a replacement's delete). The refused ones marked "recorded" are the
/// patterns AWS answered with "Invalid filter pattern definition." in tests/Reference/aws-recorded; the others follow
/// the EventBridge pattern suite LocalStack validated against AWS (event-ruler, the engine Lambda filtering uses), and
/// those marked "event-ruler" the refusals in event-ruler's compiler source where no recording covers them.
/// </summary>
public sealed class FilterGrammarTests
{
    // rule, pattern as sent, "" when AWS accepts it or a fragment of the problem
    public static TheoryData<string, string, string> Cases => new()
    {
        { "object of lists", """{"body": {"my-key": ["my-value"]}}""", "" },
        { "object of lists", """{"eventName": ["INSERT", "MODIFY"], "eventSource": ["aws:dynamodb"]}""", "" },
        { "object of lists", """{"dynamodb": {"NewImage": {"presentKey": {"S": ["presentValue"]}}}}""", "" },
        { "no empty objects (event-ruler: Empty objects are not allowed)", "{}", "an empty object" },
        { "no empty objects", """{"body": {}}""", "at body: an empty object" },
        { "no empty objects", """{"body": {"a": ["x"], "b": {}}}""", "at body.b: an empty object" },
        { "object of lists (recorded)", "null", "must be a JSON object" },
        { "object of lists", "[1, 2]", "must be a JSON object such as" },
        { "object of lists", "\"text\"", "must be a JSON object" },
        { "JSON (recorded)", "simple string", "not valid JSON" },
        { "JSON (recorded)", "single-string", "not valid JSON" },
        { "JSON (recorded)", """[{"eventName": ["INSERT"=123}]""", "not valid JSON" },
        { "JSON", "", "not valid JSON" },
        { "JSON", """{"a": ["x"],}""", "not valid JSON" },
        { "JSON", "{\"a\": [\"x\"] /* why */}", "not valid JSON" },
        { "values in a list (recorded)", """{"eventSource": "aws:sqs"}""", "\"eventSource\" is a string (\"aws:sqs\"); a value to match must be in a list" },
        { "values in a list", """{"int": 42}""", "\"int\" is a number (42)" },
        { "values in a list", """{"flag": true}""", "\"flag\" is true" },
        { "non-empty lists (recorded)", """{"eventSource": []}""", "\"eventSource\" is an empty list" },
        { "plain values", """{"a": ["s", 1, 2.5, -3, 3.018e2, true, false, null]}""", "" },
        { "plain values", """{"a": [["nested"]]}""", "not a list" },
        { "one operator per matcher", """{"a": [{"exists": true}, {"prefix": "x"}]}""", "" },
        { "one operator per matcher", """{"a": [{}]}""", "exactly one operator" },
        { "one operator per matcher", """{"a": [{"prefix": "x", "suffix": "y"}]}""", "this one has 2" },
        { "known operators", """{"a": [{"prefx": "x"}]}""", "unknown matcher \"prefx\", did you mean \"prefix\"?" },
        { "known operators (case-sensitive)", """{"a": [{"NUMERIC": ["=", 5]}]}""", "did you mean \"numeric\"?" },
        { "known operators (case-sensitive)", """{"a": [{"EXISTS": true}]}""", "did you mean \"exists\"?" },
        { "prefix", """{"a": [{"prefix": "us-"}]}""", "" },
        { "prefix", """{"a": [{"prefix": ""}]}""", "" },
        { "prefix", """{"a": [{"prefix": {"equals-ignore-case": "eV"}}]}""", "" },
        { "prefix", """{"a": [{"prefix": 123}]}""", "prefix takes a string" },
        { "prefix", """{"a": [{"prefix": ["2022-07-13"]}]}""", "prefix takes a string" },
        { "suffix", """{"a": [{"suffix": ".png"}]}""", "" },
        { "suffix", """{"a": [{"suffix": [".png"]}]}""", "suffix takes a string" },
        { "equals-ignore-case", """{"a": [{"equals-ignore-case": "Order"}]}""", "" },
        { "equals-ignore-case", """{"a": [{"equals-ignore-case": ["x"]}]}""", "equals-ignore-case takes a string" },
        { "equals-ignore-case", """{"a": [{"equals-ignore-case": {"prefix": "ec2"}}]}""", "equals-ignore-case takes a string" },
        { "exists", """{"a": [{"exists": false}]}""", "" },
        { "exists", """{"a": [{"exists": "true"}]}""", "exists takes true or false" },
        { "numeric", """{"a": [{"numeric": [">", 100]}]}""", "" },
        { "numeric", """{"a": [{"numeric": [">=", 100, "<", 200]}]}""", "" },
        { "numeric", """{"a": [{"numeric": ["=", 3.018e2]}]}""", "" },
        { "numeric", """{"a": [{"numeric": 10}]}""", "numeric takes" },
        { "numeric", """{"a": [{"numeric": [">", 0, "<"]}]}""", "3 term(s)" },
        { "numeric", """{"a": [{"numeric": [">", 0, ">", 0]}]}""", "a range ends with < or <=" },
        { "numeric", """{"a": [{"numeric": ["<", 5, "<", 10]}]}""", "a range starts with > or >=" },
        { "numeric", """{"a": [{"numeric": ["==", 5]}]}""", "\"==\" is not a comparison" },
        { "numeric", """{"a": [{"numeric": [">", "5"]}]}""", "\"5\" is not a number" },
        { "numeric", """{"a": [{"numeric": [">", 10, "<", 5]}]}""", "lower bound 10 must be below the upper bound 5" },
        { "anything-but", """{"a": [{"anything-but": "initializing"}]}""", "" },
        { "anything-but", """{"a": [{"anything-but": 0}]}""", "" },
        { "anything-but", """{"a": [{"anything-but": ["stopped", "overloaded"]}]}""", "" },
        { "anything-but", """{"a": [{"anything-but": [100, 200, 300]}]}""", "" },
        { "anything-but", """{"a": [{"anything-but": {"prefix": "init"}}]}""", "" },
        { "anything-but", """{"a": [{"anything-but": {"prefix": ["init", "test"]}}]}""", "" },
        { "anything-but", """{"a": [{"anything-but": {"suffix": ".txt"}}]}""", "" },
        { "anything-but", """{"a": [{"anything-but": {"equals-ignore-case": ["initializing", "stopped"]}}]}""", "" },
        { "anything-but", """{"a": [{"anything-but": {"wildcard": ""}}]}""", "" },
        { "anything-but", """{"a": [{"anything-but": null}]}""", "anything-but takes a string, a number or a list" },
        { "anything-but", """{"a": [{"anything-but": true}]}""", "anything-but takes a string, a number or a list" },
        { "anything-but", """{"a": [{"anything-but": ["stopped", null]}]}""", "lists only strings and numbers, not null" },
        { "anything-but lists one type (event-ruler: mixed type is not supported)", """{"a": [{"anything-but": ["stopped", 404]}]}""", "anything-but lists either strings or numbers, not both" },
        { "anything-but lists something (event-ruler)", """{"a": [{"anything-but": []}]}""", "anything-but with an empty list" },
        { "anything-but", """{"a": [{"anything-but": {"prefix": ""}}]}""", "anything-but prefix may not be empty" },
        { "anything-but", """{"a": [{"anything-but": {"suffix": ""}}]}""", "anything-but suffix may not be empty" },
        { "anything-but", """{"a": [{"anything-but": {"prefix": 123}}]}""", "anything-but prefix takes a string or a list of strings" },
        { "anything-but", """{"a": [{"anything-but": {"prefix": {"equals-ignore-case": "file"}}}]}""", "anything-but prefix takes a string" },
        { "anything-but", """{"a": [{"anything-but": {"suffix": [123, ".txt"]}}]}""", "anything-but suffix takes a string or a list of strings" },
        { "anything-but", """{"a": [{"anything-but": {"equals-ignore-case": 123}}]}""", "anything-but equals-ignore-case takes a string" },
        { "anything-but", """{"a": [{"anything-but": {"wildcard": 123}}]}""", "anything-but wildcard takes a string" },
        { "anything-but", """{"a": [{"anything-but": {"numeric": [">", 1]}}]}""", "one of prefix, suffix, equals-ignore-case or wildcard" },
        { "wildcard", """{"a": [{"wildcard": "*/lib/*.png"}]}""", "" },
        { "wildcard", """{"a": [{"wildcard": 123}]}""", "wildcard takes a string" },
        { "wildcard", """{"a": [{"wildcard": ["x*"]}]}""", "wildcard takes a string" },
        { "wildcard", """{"a": [{"wildcard": "arn:aws:events:us-east-1:**:event-bus/*"}]}""", "consecutive * at position 26" },
        { "wildcard escapes (event-ruler: \\* and \\\\ only)", """{"a": [{"wildcard": "price\\**"}]}""", "" },
        { "wildcard escapes", """{"a": [{"wildcard": "C:\\\\dir\\\\*"}]}""", "" },
        { "wildcard escapes", """{"a": [{"wildcard": "a\\b*"}]}""", "a backslash at position 2 escapes nothing" },
        { "wildcard escapes", """{"a": [{"wildcard": "a*\\"}]}""", "a backslash at position 3 escapes nothing" },
        { "wildcard escapes", """{"a": [{"anything-but": {"wildcard": ["ok*", "a\\.txt"]}}]}""", "a backslash at position 2 escapes nothing" },
        { "cidr", """{"ip": [{"cidr": "10.0.0.0/24"}]}""", "" },
        { "cidr", """{"ip": [{"cidr": "2001:db8:1234:1a00::/64"}]}""", "" },
        { "cidr", """{"ip": [{"cidr": "bad-filter"}]}""", "not an address range" },
        { "cidr", """{"ip": [{"cidr": "xx.11.xx/8"}]}""", "is not an IPv4 or IPv6 address" },
        { "cidr", """{"ip": [{"cidr": "xxxx:db8:1234:1a00::/64"}]}""", "is not an IPv4 or IPv6 address" },
        { "cidr", """{"ip": [{"cidr": "10.0.0.0/33"}]}""", "from 0 to 31" },
        { "cidr mask below the address size (event-ruler: IPv4 mask bits must be < 32)", """{"ip": [{"cidr": "10.0.0.1/32"}]}""", "from 0 to 31 bits; to match one address, write it as a value (\"10.0.0.1\")" },
        { "cidr mask below the address size (event-ruler: IPv6 mask bits must be < 128)", """{"ip": [{"cidr": "2001:db8::1/128"}]}""", "from 0 to 127" },
        { "cidr", """{"ip": [{"cidr": "10.0.0.0/31"}]}""", "" },
        { "cidr", """{"ip": [{"cidr": "10.0.0.0/+24"}]}""", "" },
        { "cidr", """{"ip": [{"cidr": "10.0.0.0/-1"}]}""", "from 0 to 31" },
        { "cidr as event-ruler reads addresses (four dotted numbers)", """{"ip": [{"cidr": "10.1/16"}]}""", "10.1 is not an IPv4 or IPv6 address" },
        { "cidr as event-ruler reads addresses (hex and colons)", """{"ip": [{"cidr": "::ffff:10.0.0.0/104"}]}""", "::ffff:10.0.0.0 is not an IPv4 or IPv6 address" },
        { "cidr as event-ruler reads addresses (hex and colons)", """{"ip": [{"cidr": "fe80::1%eth0/64"}]}""", "is not an IPv4 or IPv6 address" },
        { "cidr", """{"ip": [{"cidr": ["10.0.0.0/8"]}]}""", "cidr takes a string" },
        { "$or", """{"detail": {"$or": [{"c": [{"numeric": [">", 0, "<=", 5]}]}, {"d": ["x"]}]}}""", "" },
        { "$or", """{"$or": {"a": ["x"]}}""", "\"$or\" takes a list of patterns" },
        { "$or", """{"$or": []}""", "\"$or\" takes a list of patterns" },
        { "$or", """{"$or": [{"a": "x"}, {"b": ["y"]}]}""", "at $or[0].a: \"a\" is a string" },
        { "$or of at least two (event-ruler: There must have at least 2 Objects in $or relationship)", """{"$or": [{"a": ["x"]}]}""", "at $or: \"$or\" needs at least two patterns" },
        { "$or", """{"a": ["x"], "$or": [{"b": ["y"]}, {"c": {"$or": [{"d": ["z"]}, {"e": [1]}]}}]}""", "" },
        { "no matcher names as fields inside $or (event-ruler reserves them)", """{"$or": [{"prefix": ["x"]}, {"b": ["y"]}]}""", "at $or[0].prefix: \"prefix\" cannot name a field inside $or" },
        { "no matcher names as fields inside $or", """{"$or": [{"a": {">=": [1]}}, {"b": ["y"]}]}""", "at $or[0].a.>=: \">=\" cannot name a field inside $or" },
        { "matcher names as fields outside $or", """{"prefix": ["x"], "detail": {"numeric": [1]}}""", "" },
        { "nested problems are named by their path", """{"body": {"order": {"total": [{"numeric": 5}]}}}""", "at body.order.total[0].numeric:" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pattern(string rule, string pattern, string problem)
    {
        var problems = CreateRequestCheck.Check(Request(pattern), new ManualTimeProvider(DateTimeOffset.UnixEpoch));
        if (problem.Length == 0)
        {
            Assert.True(problems.Count == 0, $"{rule}: expected {pattern} to be accepted, got {string.Join("; ", problems)}");
            return;
        }
        var found = Assert.Single(problems);
        Assert.Equal("filterCriteria.filters[0].pattern", found.Field);
        Assert.True(found.Message.Contains(problem, StringComparison.Ordinal), $"{rule}: expected …{problem}…, got {found.Message}");
        Assert.Contains("Invalid filter pattern definition.", found.Message);
    }

    /// <summary>Refused by AWS but not offline, and why: esmctl never refuses a pattern AWS would accept, so a limit it
    /// cannot compute exactly is left to AWS.</summary>
    private static readonly Dictionary<string, string> NotCheckedOffline = new(StringComparer.Ordinal)
    {
        ["content_wildcard_complex_EXC"] = "wildcard complexity (event-ruler's cost of * and repeated sequences)",
    };

    public static TheoryData<string, string, bool> RecordedEventBridgePatterns()
    {
        var data = new TheoryData<string, string, bool>();
        var file = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositoryPaths.InTests("Reference", "eventbridge-patterns", "patterns.json")))!;
        foreach (var entry in file["patterns"]!.AsArray())
            data.Add((string)entry!["label"]!, (string)entry["pattern"]!, (bool)entry["awsAccepted"]!);
        return data;
    }

    [Theory]
    [MemberData(nameof(RecordedEventBridgePatterns))]
    public void Every_pattern_AWS_was_recorded_judging_gets_AWS_s_verdict(string label, string pattern, bool awsAccepted)
    {
        var problems = CreateRequestCheck.Check(Request(pattern), TimeProvider.System);
        if (NotCheckedOffline.ContainsKey(label))
        {
            Assert.False(awsAccepted);
            Assert.Empty(problems);
            return;
        }
        Assert.True(awsAccepted == (problems.Count == 0),
            $"{label}: AWS {(awsAccepted ? "accepted" : "refused")} {pattern}; esmctl: {(problems.Count == 0 ? "accepted" : string.Join("; ", problems))}");
    }

    [Fact]
    public void Every_matcher_is_covered_by_an_accepted_and_a_refused_case()
    {
        var cases = Cases.Select(c => (Pattern: (string)c[1], Accepted: ((string)c[2]).Length == 0)).ToList();
        foreach (var matcher in FilterPatternGrammar.Matchers)
        {
            Assert.Contains(cases, c => c.Accepted && c.Pattern.Contains($"\"{matcher}\"", StringComparison.Ordinal));
            Assert.Contains(cases, c => !c.Accepted && c.Pattern.Contains($"\"{matcher}\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Grammar_problems_in_one_pattern_are_all_reported()
    {
        var problems = CreateRequestCheck.Check(Request("""{"a": "x", "b": [], "c": [{"exists": 1}]}"""), TimeProvider.System);
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void At_most_five_filters()
    {
        var five = Request(Enumerable.Range(0, 5).Select(i => $$"""{"n": [{{i}}]}""").ToArray());
        var six = Request(Enumerable.Range(0, 6).Select(i => $$"""{"n": [{{i}}]}""").ToArray());
        Assert.Empty(CreateRequestCheck.Check(five, TimeProvider.System));
        var problem = Assert.Single(CreateRequestCheck.Check(six, TimeProvider.System));
        Assert.Equal("filterCriteria.filters", problem.Field);
        Assert.Contains("6 filters: a mapping takes at most 5", problem.Message);
    }

    [Fact]
    public void A_pattern_is_at_most_4096_characters_as_sent()
    {
        string Of(int length) => $$"""{"k": ["{{new string('x', length - 11)}}"]}""";
        Assert.Equal(4096, Of(4096).Length);
        Assert.Empty(CreateRequestCheck.Check(Request(Of(4096)), TimeProvider.System));
        var problem = Assert.Single(CreateRequestCheck.Check(Request(Of(4097)), TimeProvider.System));
        Assert.Contains("the pattern is 4097 characters as sent to AWS", problem.Message);
    }

    [Fact]
    public void A_filter_without_a_pattern_is_refused()
    {
        var request = Request("{}") with { FilterCriteria = new FilterCriteria([new Filter(null)]) };
        Assert.Contains("every filter needs a pattern", Assert.Single(CreateRequestCheck.Check(request, TimeProvider.System)).Message);
    }

    [Fact]
    public void No_filters_is_accepted()
    {
        // Recorded: FilterCriteria {"Filters": []} is accepted (and not echoed back).
        var request = Request() with { FilterCriteria = new FilterCriteria([]) };
        Assert.Empty(CreateRequestCheck.Check(request, TimeProvider.System));
    }

    private static MappingConfiguration Request(params string[] patterns) => new()
    {
        FunctionName = "f",
        EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:q",
        FilterCriteria = new FilterCriteria([.. patterns.Select(p => new Filter(p))]),
    };
}
