using System.Text;

namespace Esmctl.Tests.Reliability;

/// <summary>Seeded mutations of valid manifests: the small slips and corruptions real files suffer (a line lost or
/// doubled, lines swapped, a wrong indent, a stray YAML indicator, a type changed, truncation, random bytes).</summary>
internal sealed class ManifestMutator(int seed)
{
    private static readonly string[] Indicators = [":", "{", "}", "[", "]", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\t", "- ", "? ", "#", ",", "\\"];
    private static readonly string[] Values = ["-1", "0", "1e309", "99999999999999999999", "true", "null", "~", "[]", "{}", "\"\"", "0x1F", ".nan", "2024-13-45", "!!binary AAAA", "*undefined", "&a", "'unclosed", "\"\\uZZZZ\""];

    private readonly Random _random = new(seed);

    public byte[] Mutate(string yaml)
    {
        var lines = yaml.Split('\n').ToList();
        int Line() => _random.Next(lines.Count);
        switch (_random.Next(10))
        {
            case 0: lines.RemoveAt(Line()); break;
            case 1: { var i = Line(); lines.Insert(i, lines[i]); break; }
            case 2: { var i = Line(); var j = Line(); (lines[i], lines[j]) = (lines[j], lines[i]); break; }
            case 3: { var i = Line(); lines[i] = new string(' ', _random.Next(0, 7)) + lines[i].TrimStart(); break; }
            case 4:
            {
                var i = Line();
                var at = lines[i].Length == 0 ? 0 : _random.Next(lines[i].Length);
                lines[i] = lines[i].Insert(at, Indicators[_random.Next(Indicators.Length)]);
                break;
            }
            case 5:
            {
                var i = Line();
                var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0) lines[i] = lines[i][..(colon + 2)] + Values[_random.Next(Values.Length)];
                else lines[i] += ": " + Values[_random.Next(Values.Length)];
                break;
            }
            case 6:
            {
                var i = Line();
                if (lines[i].Length > 2) lines[i] = lines[i].Remove(_random.Next(lines[i].Length - 1), 1);
                break;
            }
            case 7:
            {
                var text = string.Join('\n', lines);
                return Encoding.UTF8.GetBytes(text[.._random.Next(1, text.Length)]);
            }
            case 8:
            {
                var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
                for (var n = 0; n < 3; n++) bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
                return bytes;
            }
            default:
            {
                var i = Line();
                lines.Insert(i, new string(' ', 2 * _random.Next(0, 3)) + "spec" + _random.Next(3) switch { 0 => "Extra: 1", 1 => ":", _ => "  : x" });
                break;
            }
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }
}
