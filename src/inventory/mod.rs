//! Adapters from what real machines print (slmgr, ospp, WMI, OSLicense JSON) into catalogue
//! and lifecycle types.
