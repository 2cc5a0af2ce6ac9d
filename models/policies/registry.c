/* The routing policies scenarios may name (routing.policy), in alphabetical order. */
#include "models/policies/policy.h"

#include <string.h>

#include "sim/macros.h"

/* One policy per name of CC_POLICY_NAMES (scenario.h), each defined by
 * models/policies/<name>.c. */
#define CC_POLICY_DECLARE(n) extern const struct cc_policy cc_policy_##n;
CC_POLICY_NAMES(CC_POLICY_DECLARE)
#undef CC_POLICY_DECLARE

#define CC_POLICY_ENTRY(n) &cc_policy_##n,
static const struct cc_policy *const all[] = { CC_POLICY_NAMES(CC_POLICY_ENTRY) };
#undef CC_POLICY_ENTRY

const struct cc_policy *cc_policy_find(const char *name)
{
	for (size_t i = 0; i < CC_ARRAY_SIZE(all); i++)
		if (strcmp(all[i]->name, name) == 0)
			return all[i];
	return NULL;
}

const struct cc_policy *const *cc_policies(size_t *n)
{
	*n = CC_ARRAY_SIZE(all);
	return all;
}
