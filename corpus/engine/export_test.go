package engine

import "time"

// SetCutBudget sets how long one call cuts the explore table (CutBudget
// by default).
func SetCutBudget(e *Engine, d time.Duration) { e.cutBudget = d }
