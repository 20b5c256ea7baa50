using RelayDesk.Domain.Escalation;

namespace RelayDesk.Domain.Tests.Escalation;

public class RuleConfigurationTests
{
    [Fact]
    public void TheShippedRules_AreValid_AndStartWithTheNeverAiTopics()
    {
        var ids = EscalationRuleSet.Default.Rules.Select(r => r.Id).ToList();

        Assert.Equal(["hardship", "vulnerability", "bereavement", "fraud", "dispute", "complaint", "explicit-request"], ids.Take(7));
    }

    [Fact]
    public void RulesWithoutAnExplicitRequest_AreRefused()
    {
        var error = Assert.Throws<EscalationConfigurationException>(() => EscalationRuleSet.FromJson("""{ "rules": [] }"""));

        Assert.Contains(error.Errors, e => e.Contains("explicit-request rule is required", StringComparison.Ordinal));
    }

    [Fact]
    public void DisablingTheExplicitRequest_IsRefused()
    {
        var error = Assert.Throws<EscalationConfigurationException>(() => EscalationRuleSet.FromJson("""
            { "rules": [ { "id": "ask", "kind": "ExplicitRequest", "enabled": false, "reason": "asked", "patterns": { "en": ["human"] } } ] }
            """));

        Assert.Contains(error.Errors, e => e.Contains("cannot be disabled", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryProblem_IsReportedWithItsRule()
    {
        var error = Assert.Throws<EscalationConfigurationException>(() => EscalationRuleSet.FromJson("""
            { "rules": [
              { "id": "ask", "kind": "ExplicitRequest", "reason": "asked", "patterns": { "en": ["human"] } },
              { "id": "fraud", "kind": "Topic", "reason": "fraud", "patterns": { "en": ["(unclosed"], "fr": ["fraude"] } },
              { "id": "fraud", "kind": "Frustration", "reason": "x", "threshold": 0 },
              { "kind": "Topic", "reason": "no id" }
            ] }
            """));

        Assert.Contains(error.Errors, e => e.StartsWith("Rule 'fraud': patterns.en[0] is not a valid regular expression", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("unknown language 'fr'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("needs the skills", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("used twice", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("threshold must be greater than zero", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("#4 has no id", StringComparison.Ordinal));
    }

    [Fact]
    public void NotJson_IsRefusedWithAClearMessage()
    {
        var error = Assert.Throws<EscalationConfigurationException>(() => EscalationRuleSet.FromJson("rules: yes"));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADisabledTopic_IsSkipped()
    {
        var rules = EscalationRuleSet.FromJson("""
            { "rules": [
              { "id": "fraud", "kind": "Topic", "enabled": false, "reason": "fraud", "skills": ["fraud"], "patterns": { "en": ["\\bfraud\\b"] } },
              { "id": "ask", "kind": "ExplicitRequest", "reason": "asked", "patterns": { "en": ["\\bhuman\\b"] } }
            ] }
            """);

        Assert.False(rules.Decide(EscalationInput.BeforeAssistant("this is fraud", "en", EscalationMemory.Empty)).Escalate);
        Assert.Equal("ask", rules.Decide(EscalationInput.BeforeAssistant("fraud! human please", "en", EscalationMemory.Empty)).RuleId);
    }
}
