using System;
using RelayDesk.Domain.Staffing;
using Xunit;

namespace RelayDesk.Domain.Tests.Staffing;

public class WhatIfTests
{
    [Fact]
    public void A_containment_change_parses_as_percentage_points()
    {
        var whatIf = WhatIf.Parse("containment=-10");

        Assert.Equal(-10, whatIf.ContainmentChangePoints);
        Assert.Equal(1, whatIf.VolumeMultiplier);
    }

    [Fact]
    public void A_volume_multiplier_parses_alone()
    {
        var whatIf = WhatIf.Parse("volume=1.2");

        Assert.Equal(0, whatIf.ContainmentChangePoints);
        Assert.Equal(1.2, whatIf.VolumeMultiplier);
    }

    [Fact]
    public void A_comma_separated_list_combines_adjustments_in_any_case_and_spacing()
    {
        var whatIf = WhatIf.Parse(" Containment = -10 , VOLUME=1.2 ");

        Assert.Equal(new WhatIf(-10, 1.2), whatIf);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_text_means_no_adjustment(string text)
    {
        Assert.Equal(WhatIf.None, WhatIf.Parse(text));
    }

    [Fact]
    public void An_unknown_key_is_rejected_naming_the_key_and_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => WhatIf.Parse("containment=-10, speed=2"));

        Assert.Contains("'speed'", error.Message);
        Assert.Contains("containment", error.Message);
        Assert.Contains("volume", error.Message);
    }

    [Theory]
    [InlineData("volume")]
    [InlineData("=1.2")]
    [InlineData("volume=abc")]
    [InlineData("volume=1,2")]
    [InlineData("volume=1.2, volume=1.3")]
    [InlineData("containment=-150")]
    [InlineData("volume=-1")]
    public void Malformed_repeated_or_out_of_range_adjustments_are_rejected(string text)
    {
        Assert.Throws<ArgumentException>(() => WhatIf.Parse(text));
    }

    [Fact]
    public void A_scenario_prints_back_in_its_own_notation()
    {
        var whatIf = new WhatIf(-10, 1.2);

        Assert.Equal("containment=-10, volume=1.2", whatIf.ToString());
        Assert.Equal(whatIf, WhatIf.Parse(whatIf.ToString()));
    }
}
