#include "datagenerator.h"
