using System;
using RelayDesk.Domain.Staffing;
using Xunit;

namespace RelayDesk.Domain.Tests.Staffing;

public class StaffingTargetTests
{
    [Theory]
    [InlineData("80/60", 0.80, 60)]
    [InlineData(" 90 / 30 ", 0.90, 30)]
    [InlineData("80%/20s", 0.80, 20)]
    [InlineData("80.5/20", 0.805, 20)]
    [InlineData("95/0", 0.95, 0)]
    public void Planner_notation_parses_into_a_fraction_and_seconds(string text, double serviceLevel, double seconds)
    {
        var target = StaffingTarget.Parse(text);

        Assert.Equal(serviceLevel, target.ServiceLevel, 12);
        Assert.Equal(seconds, target.AnswerWithinSeconds);
    }

    [Fact]
    public void A_hundred_percent_target_is_rejected_because_no_queue_can_meet_it()
    {
        var error = Assert.Throws<ArgumentException>(() => StaffingTarget.Parse("100/60"));

        Assert.Contains("below 100", error.Message);
        Assert.Equal("text", error.ParamName);
    }

    [Theory]
    [InlineData("80")]
    [InlineData("abc")]
    [InlineData("80/60/10")]
    [InlineData("")]
    public void Text_that_is_not_percent_slash_seconds_is_rejected_with_an_example(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => StaffingTarget.Parse(text));

        Assert.Contains("80/60", error.Message);
    }

    [Theory]
    [InlineData("0/60")]
    [InlineData("-5/60")]
    [InlineData("80/-5")]
    [InlineData("80/abc")]
    [InlineData("8o/60")]
    [InlineData("80,5/20")]
    public void Out_of_range_or_malformed_numbers_are_rejected(string text)
    {
        Assert.Throws<ArgumentException>(() => StaffingTarget.Parse(text));
    }

    [Fact]
    public void A_null_text_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => StaffingTarget.Parse(null!));
    }

    [Fact]
    public void The_constructor_takes_fractions_and_guards_them()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StaffingTarget(1, 60));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StaffingTarget(80, 60));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StaffingTarget(0.8, -1));
    }

    [Fact]
    public void A_target_prints_back_in_planner_notation()
    {
        Assert.Equal("80/60", StaffingTarget.Parse("80/60").ToString());
        Assert.Equal(StaffingTarget.Parse("80.5/20"), StaffingTarget.Parse(StaffingTarget.Parse("80.5/20").ToString()));
    }
}
