using Reconciler.Core.Normalization;

namespace Reconciler.Core.Tests.Planning;

public sealed class NormalizationTests
{
    [Theory]
    [InlineData("fn", "arn:aws:lambda:us-east-1:123456789012:function:fn")]
    [InlineData("fn:prod", "arn:aws:lambda:us-east-1:123456789012:function:fn:prod")]
    [InlineData("fn:$LATEST", "arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST")]
    [InlineData("999999999999:function:fn", "arn:aws:lambda:us-east-1:999999999999:function:fn")]
    [InlineData("999999999999:function:fn:3", "arn:aws:lambda:us-east-1:999999999999:function:fn:3")]
    [InlineData("arn:aws-cn:lambda:cn-north-1:1:function:fn", "arn:aws-cn:lambda:cn-north-1:1:function:fn")]
    public void Function_names_become_the_arn_live_state_reports(string name, string arn) =>
        Assert.Equal(arn, FunctionArns.Canonical(name, "aws", "us-east-1", "123456789012"));

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:1:function:fn:prod", "arn:aws:lambda:us-east-1:1:function:fn")]
    [InlineData("arn:aws:lambda:us-east-1:1:function:fn", "arn:aws:lambda:us-east-1:1:function:fn")]
    public void Unqualified_drops_the_qualifier(string arn, string expected) =>
        Assert.Equal(expected, FunctionArns.Unqualified(arn));

    [Theory]
    [InlineData("{ \"b\" : [1, 2],\n \"a\": {\"y\": 1, \"x\": [\"é\"]} }", "{\"a\":{\"x\":[\"é\"],\"y\":1},\"b\":[1,2]}")]
    [InlineData("{\"a\": [2, 1]}", "{\"a\":[2,1]}")]
    [InlineData("not json {", "not json {")]
    // JSON that names a key twice cannot be a JSON object here; it is compared as written (plan crashed on it).
    [InlineData("{\"a\": [\"x\"], \"a\": [\"y\"]}", "{\"a\": [\"x\"], \"a\": [\"y\"]}")]
    [InlineData("{\"b\": {\"a\": [1], \"a\": [2]}}", "{\"b\": {\"a\": [1], \"a\": [2]}}")]
    public void Filter_patterns_are_canonical_json(string pattern, string canonical) =>
        Assert.Equal(canonical, CanonicalJson.Canonicalize(pattern));
}
