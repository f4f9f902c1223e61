using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using EdgeInfra.Testing;
using FsCheck;
using FsCheck.Fluent;
using static EdgeInfra.Tests.Testing.Values;

namespace EdgeInfra.Tests.Testing;

/// <summary>The JSON <c>fn::toJSON</c> evaluates to: Go's <c>encoding/json</c> output, byte for byte.</summary>
public sealed class DeterministicJsonTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(3.0, "3")]
    [InlineData(2.5, "2.5")]
    [InlineData(-1234.5678, "-1234.5678")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(0.0000001, "1e-7")]
    [InlineData(1.5e-10, "1.5e-10")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.25e100, "1.25e+100")]
    [InlineData(1e15, "1000000000000000")]
    public void Numbers_are_written_as_go_writes_a_float64(double number, string expected) =>
        Assert.Equal(expected, DeterministicJson.FormatNumber(number));

    [Fact]
    public void Strings_are_escaped_as_go_escapes_them()
    {
        Assert.Equal(
            "\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f \\u003c\\u003e\\u0026 \\u2028\\u2029 é ✓ 😀 \\ufffd\"",
            DeterministicJson.Serialize("q\" b\\ \b\f\n\r\t \u0001\u001f <>& \u2028\u2029 é ✓ 😀 \ud800"));
    }

    [Fact]
    public void Objects_have_their_keys_in_ordinal_order_and_no_spaces()
    {
        Assert.Equal(
            "{\"A\":[],\"a\":{},\"b\":[1,2.5,\"x\",true,null]}",
            DeterministicJson.Serialize(Map(("b", List(1L, 2.5, "x", true, null)), ("a", Map()), ("A", List()))));
    }

    [Fact]
    public void Values_json_cannot_state_are_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DeterministicJson.Serialize(List(new ResourceValue("r", "a:b:C", "urn", "id"))));
        Assert.Equal("a resource (resource(urn)) cannot be written as JSON.", error.Message);
        Assert.Throws<InvalidOperationException>(() => DeterministicJson.Serialize(double.NaN));
    }

    [Fact]
    public void Every_string_reads_back_as_itself() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<NonNull<string>>(),
            text => text.Get.Any(char.IsSurrogate) || JsonSerializer.Deserialize<string>(DeterministicJson.Serialize(text.Get)) == text.Get)
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Every_finite_number_reads_back_as_itself() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<NormalFloat>(),
            number => double.Parse(DeterministicJson.FormatNumber(number.Get), CultureInfo.InvariantCulture) == number.Get)
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Every_number_reads_back_as_itself_at_any_magnitude() =>
        Prop.ForAll(
            Gen.Choose(-320, 300).Select(power => Math.Pow(10, power) * 1.2345678901234567).ToArbitrary(),
            number => double.Parse(DeterministicJson.FormatNumber(number), CultureInfo.InvariantCulture) == number)
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Key_order_does_not_depend_on_insertion_order() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<NonNull<string>[]>(),
            keys =>
            {
                var distinct = keys.Select(k => k.Get).Distinct().ToArray();
                var forward = distinct.ToImmutableDictionary(k => k, k => (object?)(long)k.Length, StringComparer.Ordinal);
                var backward = distinct.Reverse().ToImmutableDictionary(k => k, k => (object?)(long)k.Length, StringComparer.Ordinal);
                return DeterministicJson.Serialize(forward) == DeterministicJson.Serialize(backward);
            })
            .QuickCheckThrowOnFailure();
}
