namespace RelayDesk.Domain.Escalation;

/// <summary>How urgently a person is needed. Vulnerable and hardship cases come first in the queue.</summary>
public enum EscalationPriority
{
    Normal = 0,
    High = 1,
    Urgent = 2,
}
