#include "models/policy.h"

#include <string.h>

/* policies.inc is written by the build: one CC_POLICY(name) per models/policy_<name>.c. */
#define CC_POLICY(n) extern const struct cc_policy cc_policy_##n;
#include "policies.inc"
#undef CC_POLICY

#define CC_POLICY(n) &cc_policy_##n,
static const struct cc_policy *const all[] = {
#include "policies.inc"
};
#undef CC_POLICY

const struct cc_policy *cc_policy_find(const char *name)
{
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (strcmp(all[i]->name, name) == 0)
			return all[i];
	return NULL;
}

const struct cc_policy *const *cc_policies(size_t *n)
{
	*n = sizeof all / sizeof all[0];
	return all;
}
