package engine

// SetCutBudget sets how many bytes of text one call cuts into the explore
// table (CutBudget by default).
func SetCutBudget(e *Engine, bytes int) { e.cutBudget = bytes }
